import { z } from 'zod';
import { defineJob, type JobDefinition } from '../../platform/jobs/job-definition.js';
import type { AuditContext } from '../audit/index.js';
import { importJobRepository } from './import-job.repository.js';
import { failImport, type ImportDeps } from './import-run.js';
import { runPartImport } from './part-import.runner.js';
import { runStockImport } from './stock-import.runner.js';

export const importRunJobName = 'import.run';

export const importRunPayload = z.object({
  importJobId: z.uuid(),
  /** Who uploaded the file, for the import's audit entry and ledger movements. */
  actor: z.object({ userId: z.uuid().nullish(), apiKeyId: z.uuid().nullish() }),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type ImportRunPayload = z.infer<typeof importRunPayload>;

/** A runner per import kind; stock imports register theirs in the composition root. */
export type ImportRunner = (
  deps: ImportDeps,
  job: NonNullable<Awaited<ReturnType<typeof importJobRepository.findById>>>,
  audit: AuditContext,
) => Promise<void>;

const retryLimit = 2;

/**
 * The durable job behind `POST …/import`: reads the stored file and applies it. A job already
 * finished is not run again (at-least-once delivery); a run that dies part-way starts over from
 * the top, which is safe because writes are upserts that skip unchanged rows. After the last
 * retry the import is marked failed instead of staying `running` for ever.
 */
export function importRunJob(
  deps: ImportDeps,
  runners: Partial<Record<'parts' | 'stock', ImportRunner>> = {},
): JobDefinition<ImportRunPayload> {
  const all: Partial<Record<'parts' | 'stock', ImportRunner>> = {
    parts: runPartImport,
    stock: runStockImport,
    ...runners,
  };
  return defineJob({
    name: importRunJobName,
    payload: importRunPayload,
    retryLimit,
    expireInSeconds: 1800,
    handler: async (payload, context) => {
      const job = await importJobRepository.findById(deps.db, payload.importJobId);
      if (!job || job.status === 'succeeded' || job.status === 'failed') return;
      const audit: AuditContext = {
        actor: { userId: payload.actor.userId ?? null, apiKeyId: payload.actor.apiKeyId ?? null },
        requestId: payload.requestId,
        ip: payload.ip,
      };
      const runner = all[job.kind];
      if (!runner) {
        await failImport(deps, job, audit, [{ row: 0, message: `no importer for ${job.kind}` }]);
        return;
      }
      // Stock imports resume after committed batches (adjustments must not apply twice);
      // parts imports start over, harmlessly (unchanged rows are not rewritten).
      const resume = job.kind === 'stock' && job.status === 'running';
      await importJobRepository.markRunning(deps.db, job.id, resume);
      try {
        await runner(
          deps,
          { ...job, status: 'running', processed: resume ? job.processed : 0 },
          audit,
        );
      } catch (error) {
        if (context.attempt < retryLimit) throw error;
        context.logger.error({ err: error, importJobId: job.id }, 'import failed for good');
        await failImport(deps, job, audit, [
          { row: 0, message: 'the import could not be completed; upload the file again' },
        ]);
      }
    },
  });
}
