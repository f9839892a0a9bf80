import crypto from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { Logger } from '../../platform/logging/logger.js';

/** A message the sandbox sink accepted. */
export interface CapturedEmail {
  id: string;
  /** Envelope recipients (RCPT TO), lower-cased. */
  to: string[];
  subject: string;
  text: string;
  /** The HTML alternative, when the message had one (`false` from the parser: none). */
  html: string | null;
  receivedAt: Date;
  /** Every http(s) URL in the text body, in order, e.g. a reset or verification link. */
  links: string[];
}

const defaultCapacity = 500;
const maxMessageBytes = 1024 * 1024;

/**
 * The sandbox stand-in for an SMTP relay: a real SMTP server (the `smtp-server` package) on
 * `127.0.0.1` and an OS-chosen port, which accepts every message and keeps the last `capacity` in
 * memory. It lives beside `SandboxHost` (which serves HTTP vendors only): the composition root
 * starts it when `integrations.email` is `sandbox` and points the real `SmtpEmailAdapter` at it,
 * so sandbox runs exercise the same SMTP client as live ones. Nothing is ever delivered.
 */
export class SmtpSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly port: number,
    private readonly messages: CapturedEmail[],
  ) {}

  static async start(logger: Logger, capacity = defaultCapacity): Promise<SmtpSink> {
    const messages: CapturedEmail[] = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      size: maxMessageBytes,
      logger: false,
      onData(stream, session, callback) {
        const to = session.envelope.rcptTo.map((rcpt) => rcpt.address.toLowerCase());
        simpleParser(stream)
          .then((parsed) => {
            capture(messages, capacity, {
              to,
              subject: parsed.subject ?? '',
              text: parsed.text ?? '',
              html: typeof parsed.html === 'string' ? parsed.html : null,
            });
            callback();
          })
          .catch((error: unknown) => callback(error as Error));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
    server.on('error', (error) => logger.warn({ err: error }, 'sandbox SMTP sink error'));
    const { port } = server.server.address() as AddressInfo;
    logger.info({ sandbox: 'smtp', host: '127.0.0.1', port }, 'sandbox SMTP sink listening');
    return new SmtpSink(server, port, messages);
  }

  /** Captured messages, newest first, optionally only those addressed to `to` (any case). */
  list(to?: string): CapturedEmail[] {
    const wanted = to?.toLowerCase();
    return this.messages
      .filter((message) => wanted === undefined || message.to.includes(wanted))
      .reverse();
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Appends one message, dropping the oldest beyond `capacity`. */
function capture(
  messages: CapturedEmail[],
  capacity: number,
  message: { to: string[]; subject: string; text: string; html: string | null },
): void {
  messages.push({
    id: crypto.randomUUID(),
    ...message,
    receivedAt: new Date(),
    links: message.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [],
  });
  if (messages.length > capacity) messages.splice(0, messages.length - capacity);
}
