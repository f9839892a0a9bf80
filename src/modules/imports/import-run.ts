import type pg from 'pg';
import type { Readable } from 'node:stream';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { importJobRepository, type ImportJobRow } from './import-job.repository.js';
import type { ImportRowError } from './import-job.tables.js';
import './import.events.js';

/** Where uploaded files are kept between the request and the job (the storage port fits). */
export interface ImportFileStore {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<{ stream: Readable } | undefined>;
}

export interface ImportDeps {
  pool: pg.Pool;
  db: Db;
  events: EventBus;
  files: ImportFileStore;
  /** Rows written per statement (and, without all-or-nothing, per transaction). */
  batchSize?: number;
}

/** At most this many row errors are stored and shown; the count of bad rows is always exact. */
export const maxReportedErrors = 10_000;

/**
 * Rows in the file and, when the run knows them all, rows with errors. Without `failed` the job
 * row's counter stands: a stock import adds each batch's bad rows in the batch's transaction, so
 * the rows of batches committed before a crash are still counted after the resumed run.
 */
export interface ImportCounts {
  total: number;
  failed?: number;
}

/** Collects row errors up to the cap, counting bad rows exactly. */
export class RowErrors {
  readonly list: ImportRowError[] = [];
  readonly badRows = new Set<number>();

  add(errors: readonly ImportRowError[]): void {
    for (const error of errors) {
      this.badRows.add(error.row);
      if (this.list.length < maxReportedErrors) this.list.push(error);
    }
  }

  /** The kept errors in row order. */
  listed(): ImportRowError[] {
    return [...this.list].sort((a, b) => a.row - b.row);
  }

  /** The kept errors in row order, with a last line saying how many bad rows were left out. */
  report(): ImportRowError[] {
    return withUnlistedNote(this.listed(), this.badRows.size);
  }
}

/**
 * `listed` with a last line (row 0) saying how many of the `failed` bad rows it does not show:
 * the list is capped at `maxReportedErrors` errors, and a resumed stock import no longer has the
 * errors of the batches its first attempt committed (their rows are counted all the same).
 */
export function withUnlistedNote(listed: ImportRowError[], failed: number): ImportRowError[] {
  const shown = new Set(listed.filter((error) => error.row >= 2).map((error) => error.row)).size;
  const unlisted = failed - shown;
  return unlisted > 0
    ? [...listed, { row: 0, message: `${unlisted} more rows with errors are not listed` }]
    : listed;
}

/**
 * A file with a header and nothing below it (the template as downloaded, say, with its example
 * row deleted) imports nothing: the job fails with this, rather than "succeeding" with 0 rows.
 */
export const noDataRowsError: ImportRowError = {
  row: 0,
  message: 'the file has no rows to import below its header row',
};

/** Opens the uploaded file of a job (missing file = the job can never succeed). */
export async function openSource(deps: ImportDeps, job: ImportJobRow): Promise<Readable> {
  const stored = await deps.files.get(job.sourceKey);
  if (!stored) throw new Error(`import file ${job.sourceKey} is missing`);
  return stored.stream;
}

/**
 * Marks the job finished with its one audit entry and one domain event, in `tx` (for
 * all-or-nothing imports the same transaction as the rows themselves). Their created / updated /
 * unchanged (and, unless `counts.failed` is given, failed) figures are the job row's, which every
 * committed batch added to in its transaction: true for a stock import that resumed after a crash
 * and for one that stopped at an unreadable row (a retried parts import starts over: what its
 * first attempt wrote then counts as unchanged). `errors` is the kept list in row order; the
 * line saying how many bad rows it leaves out is added here, from the exact count.
 */
export async function finishImport(
  deps: ImportDeps,
  tx: Tx,
  job: ImportJobRow,
  audit: AuditContext,
  outcome: { status: 'succeeded' | 'failed'; errors: ImportRowError[]; counts: ImportCounts },
): Promise<void> {
  const { total } = outcome.counts;
  const stored = await importJobRepository.findById(tx.db, job.id);
  const failed = outcome.counts.failed ?? stored?.failed ?? 0;
  await importJobRepository.finish(tx.db, job.id, {
    status: outcome.status,
    errors: withUnlistedNote(outcome.errors, failed),
    total,
    processed: total,
    failed,
  });
  const written = {
    created: stored?.created ?? 0,
    updated: stored?.updated ?? 0,
    unchanged: stored?.unchanged ?? 0,
  };
  const counts = { total, ...written, failed };
  const summary = { kind: job.kind, options: job.options, status: outcome.status, ...counts };
  await recordAudit(tx, {
    ...audit,
    organizationId: job.organizationId,
    action: `import.${job.kind}.finished`,
    entityType: 'import_job',
    entityId: job.id,
    after: summary,
  });
  await deps.events.publish(tx, {
    type: 'import.finished',
    payload: {
      importJobId: job.id,
      organizationId: job.organizationId,
      kind: job.kind,
      status: outcome.status,
      ...counts,
    },
    aggregateType: 'import_job',
    aggregateId: job.id,
    organizationId: job.organizationId,
    requestId: audit.requestId,
  });
}

/**
 * A job that failed: could not start (bad header, unreadable file), an all-or-nothing import
 * that found bad rows (`counts.failed` then says how many), or one that gave up part-way (the
 * rows its committed batches counted stay counted).
 */
export async function failImport(
  deps: ImportDeps,
  job: ImportJobRow,
  audit: AuditContext,
  errors: ImportRowError[],
  counts: Partial<ImportCounts> = {},
): Promise<void> {
  await inTransaction(deps.pool, (tx) =>
    finishImport(deps, tx, job, audit, {
      status: 'failed',
      errors,
      counts: { total: 0, ...counts },
    }),
  );
}
