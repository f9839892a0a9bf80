import nodemailer, { type Transporter } from 'nodemailer';
import type { EmailMessage, EmailPort } from './email.port.js';

export interface SmtpSettings {
  host: string;
  port: number;
  /** `true`: TLS from the first byte (port 465); `false`: plain, upgraded by STARTTLS if offered. */
  secure: boolean;
  auth?: { user: string; pass: string } | undefined;
  /** The `From` header, e.g. `SpareFlow <no-reply@spareflow.in>`. */
  from: string;
  /** Sandbox sink only: it offers no STARTTLS, so none is attempted. */
  ignoreTls?: boolean;
}

/** The live adapter of `EmailPort`: nodemailer's SMTP client, one transport per process. */
export class SmtpEmailAdapter implements EmailPort {
  private readonly transport: Transporter;

  constructor(private readonly settings: SmtpSettings) {
    this.transport = nodemailer.createTransport({
      host: settings.host,
      port: settings.port,
      secure: settings.secure,
      ...(settings.auth ? { auth: settings.auth } : {}),
      ...(settings.ignoreTls ? { ignoreTLS: true } : {}),
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const info = (await this.transport.sendMail({
      from: this.settings.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      ...(message.html === undefined ? {} : { html: message.html }),
    })) as { messageId: string };
    return { messageId: info.messageId };
  }

  async verify(timeoutMs: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new Error(`no answer from ${this.settings.host} within ${timeoutMs} ms`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([this.transport.verify(), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    this.transport.close();
    return Promise.resolve();
  }
}
