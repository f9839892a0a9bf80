import { withContainer } from '../cli-context.js';

/** `spareflow jobs failed`: jobs that exhausted their retries, newest first. */
export async function jobsFailedCommand(options: { limit: string }): Promise<void> {
  await withContainer({ migrate: true }, async (container) => {
    const failed = await container.jobs.listFailed(Number(options.limit) || 50);
    if (failed.length === 0) {
      process.stdout.write('No failed jobs.\n');
      return;
    }
    for (const job of failed) {
      process.stdout.write(
        `${job.failedAt?.toISOString() ?? '-'}  ${job.queue}  ${job.id}  attempts=${job.attempts}  ${JSON.stringify(job.error)}\n`,
      );
    }
  });
}

/** `spareflow jobs retry <queue> <id>`: puts a failed job back in line. */
export async function jobsRetryCommand(queue: string, id: string): Promise<void> {
  await withContainer({ migrate: true }, async (container) => {
    await container.jobs.retry(queue, id);
    process.stdout.write(`Job ${id} on ${queue} queued for another attempt.\n`);
  });
}
