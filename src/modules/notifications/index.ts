/**
 * The notifications module's public surface: e-mail. Other modules enqueue a message inside
 * their transaction through an `EmailOutbox` (the `email.send` job delivers it), written with
 * `composeEmail` (text and HTML bodies from one set of parts, every value HTML-escaped); the composition
 * root wires the live SMTP adapter or the sandbox sink (`wireEmail`), the job, the doctor check
 * and, outside production, the sandbox mailbox route.
 */
export { emailSendJob, jobQueueEmailOutbox, type EmailOutbox } from './email.job.js';
export type { EmailMessage, EmailPort } from './email.port.js';
export {
  composeEmail,
  formatInstantForEmail,
  formatPhoneForEmail,
  type EmailContent,
} from './email-layout.js';
export { wireEmail } from './email.wiring.js';
export { emailDoctorCheck } from './email.doctor-check.js';
export type { SmtpSink } from './smtp-sink.js';
export { registerSandboxMailboxRoutes } from './mailbox.routes.js';
