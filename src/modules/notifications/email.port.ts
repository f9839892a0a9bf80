/** One e-mail, in SpareFlow's vocabulary (no vendor or SMTP terms). */
export interface EmailMessage {
  /** A single recipient address. */
  to: string;
  subject: string;
  /** Plain-text body; always sent, so every client can read the message. */
  text: string;
  /** Optional HTML alternative of `text`. */
  html?: string;
}

/**
 * Sends e-mail. The one adapter speaks SMTP (nodemailer); in sandbox mode it is pointed at the
 * in-process SMTP sink (`SmtpSink`), so sandbox runs exercise the same client as live runs.
 * Callers never use it directly from a request: they enqueue the `email.send` job in their
 * transaction, and the job calls this port (at-least-once; see `email.job.ts`).
 */
export interface EmailPort {
  /** Hands the message to the relay; resolves with the relay's message id once accepted. */
  send(message: EmailMessage): Promise<{ messageId: string }>;
  /** Checks that the relay answers and accepts our credentials (used by `spareflow doctor`). */
  verify(timeoutMs: number): Promise<void>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}
