import type { AppConfig } from '../../config/config.js';
import type { DoctorCheck } from '../../platform/health/doctor-check.js';
import type { EmailPort } from './email.port.js';

const verifyTimeoutMs = 5000;

/**
 * The e-mail line of `spareflow doctor`: in live mode the SMTP relay must answer and accept our
 * credentials within 5 s; in sandbox mode it only says where e-mails go.
 */
export function emailDoctorCheck(config: AppConfig, email: EmailPort): DoctorCheck {
  return {
    name: 'email',
    run: async () => {
      if (config.integrations.email === 'sandbox') {
        return config.isProduction
          ? {
              status: 'warn',
              detail:
                'sandbox: e-mails go to the in-process SMTP sink and are never delivered (ALLOW_SANDBOX_IN_PRODUCTION)',
            }
          : {
              status: 'info',
              detail:
                'sandbox: e-mails go to the in-process SMTP sink, see GET /api/v1/sandbox/mailbox',
            };
      }
      await email.verify(verifyTimeoutMs);
      const relay = `${config.raw.EMAIL_HOST ?? '?'}:${config.raw.EMAIL_PORT}`;
      return config.http.appUrl
        ? { status: 'ok', detail: `SMTP relay ${relay} accepted the connection` }
        : {
            status: 'warn',
            detail: `SMTP relay ${relay} answers, but APP_URL is unset: e-mailed links use the request's origin`,
          };
    },
  };
}
