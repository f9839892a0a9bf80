import type { AppConfig } from '../../config/config.js';
import type { Logger } from '../../platform/logging/logger.js';
import type { EmailPort } from './email.port.js';
import { SmtpEmailAdapter } from './smtp-email.adapter.js';
import { SmtpSink } from './smtp-sink.js';

export interface EmailWiring {
  email: EmailPort;
  /** The sandbox SMTP sink, present only when `integrations.email` is `sandbox`. */
  sink: SmtpSink | undefined;
  dispose(): Promise<void>;
}

const sandboxFrom = 'SpareFlow Sandbox <no-reply@sandbox.spareflow.invalid>';

/**
 * The `EmailPort` for this configuration. Live: nodemailer to `EMAIL_HOST`. Sandbox: the same
 * nodemailer adapter, pointed at an `SmtpSink` started on loopback (ADR 0004, applied to SMTP).
 */
export async function wireEmail(config: AppConfig, logger: Logger): Promise<EmailWiring> {
  const raw = config.raw;
  if (config.integrations.email === 'live' && raw.EMAIL_HOST && raw.EMAIL_FROM) {
    const email = new SmtpEmailAdapter({
      host: raw.EMAIL_HOST,
      port: raw.EMAIL_PORT,
      secure: raw.EMAIL_SECURE,
      auth: raw.EMAIL_USER ? { user: raw.EMAIL_USER, pass: raw.EMAIL_PASS ?? '' } : undefined,
      from: raw.EMAIL_FROM,
    });
    return { email, sink: undefined, dispose: () => email.close() };
  }
  const sink = await SmtpSink.start(logger);
  const email = new SmtpEmailAdapter({
    host: '127.0.0.1',
    port: sink.port,
    secure: false,
    ignoreTls: true,
    from: raw.EMAIL_FROM ?? sandboxFrom,
  });
  return {
    email,
    sink,
    dispose: async () => {
      await email.close();
      await sink.stop();
    },
  };
}
