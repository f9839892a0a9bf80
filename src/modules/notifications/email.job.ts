import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { EmailMessage, EmailPort } from './email.port.js';

export const emailSendJobName = 'email.send';

export const emailSendPayload = z.object({
  to: z.email(),
  subject: z.string().min(1).max(300),
  text: z.string().min(1),
  html: z.string().optional(),
});

/**
 * `email.send`: hands one message to the `EmailPort`. Enqueue it in the transaction of the change
 * the e-mail follows from (`jobs.enqueue(tx, 'email.send', message)`), so no e-mail is sent for a
 * rolled-back change and none is lost for a committed one.
 *
 * Delivery is **at-least-once**: SMTP is not transactional, so `context.once` cannot help (the
 * relay may accept the message and the worker die before the receipt commits). A redelivery may
 * therefore send a duplicate; the e-mails we send (links to single-use tokens) tolerate that.
 * Failures are retried 8 times with exponential backoff from 10 s (about 40 minutes in all).
 */
export function emailSendJob(email: EmailPort): JobDefinition<EmailMessage> {
  return defineJob({
    name: emailSendJobName,
    payload: emailSendPayload,
    retryLimit: 8,
    retryDelaySeconds: 10,
    expireInSeconds: 120,
    handler: async (message, context) => {
      const { messageId } = await email.send(message);
      // Subject only: bodies carry single-use tokens and must not reach the logs.
      context.logger.info(
        { jobId: context.jobId, attempt: context.attempt, messageId, subject: message.subject },
        'e-mail handed to the relay',
      );
    },
  });
}

/** Where services put e-mails: into the job queue, inside their own transaction. */
export interface EmailOutbox {
  enqueue(tx: Tx, message: EmailMessage): Promise<void>;
}

export function jobQueueEmailOutbox(jobs: JobQueue): EmailOutbox {
  return {
    enqueue: async (tx, message) => {
      await jobs.enqueue(tx, emailSendJobName, message);
    },
  };
}
