import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { JobQueue } from '../../platform/jobs/job-queue.js';
import type { Caller } from '../../platform/http/caller.js';
import type { AuditContext } from '../audit/index.js';
import { importJobRepository, type ImportJobRow } from './import-job.repository.js';
import type { ImportKind } from './import-job.tables.js';
import { importRunJobName, type ImportRunPayload } from './import.job.js';
import type { ImportDeps } from './import-run.js';

export interface ImportSubmitDeps extends ImportDeps {
  jobs: JobQueue;
}

export const importJobViewSchema = z.object({
  id: z.uuid(),
  kind: z.enum(['parts', 'stock']),
  status: z.enum(['queued', 'running', 'succeeded', 'failed']),
  options: z.record(z.string(), z.unknown()),
  progress: z.object({ processed: z.number().int(), total: z.number().int().nullable() }),
  summary: z
    .object({
      succeeded: z
        .number()
        .int()
        .describe('Rows written or confirmed: created + updated + unchanged'),
      failed: z
        .number()
        .int()
        .describe('Rows with errors (not imported): exact, even when `errors` lists only some'),
      created: z.number().int().describe('Parts created (stock imports: always 0)'),
      updated: z
        .number()
        .int()
        .describe('Parts changed; stock imports: lines that moved stock (one movement each)'),
      unchanged: z
        .number()
        .int()
        .describe(
          'Rows equal to what was already there: written nothing (a re-upload is all unchanged)',
        ),
    })
    .describe(
      'What the committed rows did; an all-or-nothing import counts nothing until it has committed',
    ),
  errors: z.array(
    z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() }),
  ),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});
export type ImportJobView = z.infer<typeof importJobViewSchema>;

export function presentImportJob(row: ImportJobRow): ImportJobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    options: row.options,
    progress: { processed: row.processed, total: row.total },
    summary: {
      succeeded: row.created + row.updated + row.unchanged,
      created: row.created,
      updated: row.updated,
      unchanged: row.unchanged,
      failed: row.failed,
    },
    errors: row.errors,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

/** Nothing but white space and a byte-order mark: an empty file however it was saved. */
function isBlank(bytes: Buffer): boolean {
  const text = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '');
  return bytes.length <= 4096 && text.trim() === '';
}

/**
 * Accepts an uploaded CSV: stores the bytes, records the import and enqueues its job in one
 * transaction. The same bytes (SHA-256) with the same options from the same organization answer
 * the earlier job instead (unless it failed), so a re-upload — a retried request, a double
 * click — imports nothing again. A transaction-scoped advisory lock on the checksum makes two
 * simultaneous uploads of one file agree on one job.
 */
export async function submitImport(
  deps: ImportSubmitDeps,
  caller: Caller,
  kind: ImportKind,
  bytes: Buffer,
  options: Record<string, unknown>,
  audit: AuditContext,
): Promise<{ jobId: string; repeated: boolean }> {
  if (isBlank(bytes))
    throw new AppError('VALIDATION_FAILED', {
      detail: 'The CSV file is empty: it needs a header row and at least one row below it.',
    });
  const checksum = createHash('sha256').update(bytes).digest('hex');
  return inTransaction(deps.pool, async (tx) => {
    await tx.client.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `import:${caller.organizationId}:${kind}:${checksum}`,
    ]);
    const earlier = await importJobRepository.findSame(
      tx.db,
      caller.organizationId,
      kind,
      checksum,
      options,
    );
    if (earlier && earlier.status !== 'failed') return { jobId: earlier.id, repeated: true };
    const id = randomUUID();
    const sourceKey = `imports/${caller.organizationId}/${id}.csv`;
    await deps.files.put(sourceKey, bytes, 'text/csv');
    const row = await importJobRepository.insert(tx.db, {
      id,
      organizationId: caller.organizationId,
      kind,
      options,
      sourceKey,
      checksum,
      createdByUserId: caller.kind === 'user' ? caller.userId : null,
    });
    const payload: ImportRunPayload = {
      importJobId: row.id,
      actor: audit.actor,
      requestId: audit.requestId,
      ip: audit.ip,
    };
    await deps.jobs.enqueue(tx, importRunJobName, payload);
    return { jobId: row.id, repeated: false };
  });
}

/** One import job of the caller's organization; another organization's is NOT_FOUND. */
export async function getImportJob(
  deps: Pick<ImportDeps, 'db'>,
  organizationId: string,
  id: string,
): Promise<ImportJobRow> {
  const row = await importJobRepository.find(deps.db, organizationId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}
