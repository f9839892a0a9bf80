import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { AuditContext } from '../audit/index.js';
import { upsertBrandParts, type BulkPart } from '../catalog/index.js';
import { countCsvRecords, csvRecords, UnreadableCsvError, type CsvRecord } from './csv-records.js';
import {
  importJobRepository,
  type ImportJobRow,
  type ImportOutcomeCounts,
} from './import-job.repository.js';
import type { ImportRowError } from './import-job.tables.js';
import {
  failImport,
  finishImport,
  openSource,
  RowErrors,
  type ImportCounts,
  type ImportDeps,
} from './import-run.js';
import { parsePartRow, partHeaderErrors } from './part-import.row.js';

/** Rows per upsert statement: large enough that per-statement costs vanish (see bench/inventory). */
export const defaultPartBatchSize = 5000;

/** Each valid row of the file with its row number; duplicates of a part number are errors. */
async function* validatedRows(
  deps: ImportDeps,
  job: ImportJobRow,
  onHeaderErrors: (errors: ImportRowError[]) => void,
): AsyncGenerator<{ record: CsvRecord; part?: BulkPart; errors: ImportRowError[] }> {
  const firstRowOf = new Map<string, number>();
  let headerOk = true;
  const records = csvRecords(await openSource(deps, job), (header) => {
    const errors = partHeaderErrors(header);
    headerOk = errors.length === 0;
    if (!headerOk) onHeaderErrors(errors);
  });
  for await (const record of records) {
    if (!headerOk) return;
    if (record.cellErrors.length > 0) {
      yield { record, errors: [...record.cellErrors] };
      continue;
    }
    const parsed = parsePartRow(record.cells, record.row);
    const errors = parsed.ok ? [] : [...parsed.errors];
    if (record.fieldCountError) errors.unshift(record.fieldCountError);
    if (parsed.ok) {
      const key = parsed.part.partNumber.toLowerCase();
      const first = firstRowOf.get(key);
      if (first !== undefined)
        errors.push({
          row: record.row,
          column: 'part_number',
          message: `part number repeats row ${first}; each part may appear once per file`,
        });
      else firstRowOf.set(key, record.row);
    }
    yield errors.length === 0 && parsed.ok
      ? { record, part: parsed.part, errors }
      : { record, errors };
  }
}

/** All-or-nothing met a bad row: the transaction rolls back and the job fails. */
class BadRowsFound extends Error {}

/**
 * Runs a parts import in one streaming pass. `total` comes first from a quick count of the
 * file's records, so progress has a denominator from the start. The header is checked before
 * any row; rows are validated as they stream and the good ones upserted in batches, the next
 * batch being parsed while the previous one is written (at most one write in flight).
 * Without all-or-nothing every batch commits on its own; a retry starts over from the top
 * without harm (unchanged rows are not rewritten). With all-or-nothing everything runs in one
 * transaction, writing stops at the first bad row (the rest is still checked, so every bad row
 * is reported) and the transaction rolls back.
 */
export async function runPartImport(
  deps: ImportDeps,
  job: ImportJobRow,
  audit: AuditContext,
): Promise<void> {
  const allOrNothing = job.options.allOrNothing === true;
  const batchSize = deps.batchSize ?? defaultPartBatchSize;
  const errors = new RowErrors();
  let headerErrors: ImportRowError[] = [];
  // A parts run reads the whole file from the top (a retry starts over), so it knows every bad
  // row and sets the job's failed count when it finishes.
  const counts: Required<ImportCounts> = { total: 0, failed: 0 };
  // An all-or-nothing import adds what its batches did once, at the end of its one transaction:
  // the job row it would lock stays free for the progress updates made outside it meanwhile.
  const pending: ImportOutcomeCounts = { created: 0, updated: 0, unchanged: 0, failed: 0 };
  await importJobRepository.setValidated(
    deps.db,
    job.id,
    await countCsvRecords(await openSource(deps, job)),
    [],
  );

  const write = async (tx: Tx, batch: BulkPart[], rowsRead: number) => {
    const result = await upsertBrandParts(tx, job.organizationId, batch);
    const outcome = {
      created: result.created,
      updated: result.updated,
      unchanged: result.unchanged,
      failed: 0,
    };
    if (allOrNothing) {
      pending.created += outcome.created;
      pending.updated += outcome.updated;
      pending.unchanged += outcome.unchanged;
      // Outside the one transaction, so all-or-nothing imports show progress too.
      await importJobRepository.addProcessed(deps.db, job.id, rowsRead);
    } else {
      // In the batch's transaction, which then holds the job row: an update from outside it
      // would wait for this very transaction.
      await importJobRepository.addOutcome(tx.db, job.id, outcome);
      await importJobRepository.addProcessed(tx.db, job.id, rowsRead);
    }
  };
  const writeAll = async (inTx: (work: (tx: Tx) => Promise<void>) => Promise<void>) => {
    let batch: BulkPart[] = [];
    let rowsRead = 0;
    let inFlight: Promise<void> = Promise.resolve();
    let failure: { error: unknown } | undefined;
    const flush = async () => {
      await inFlight;
      if (failure) throw failure.error;
      const full = batch;
      const read = rowsRead;
      batch = [];
      rowsRead = 0;
      if (allOrNothing && errors.badRows.size > 0) return;
      inFlight = inTx((tx) => write(tx, full, read)).catch((error: unknown) => {
        failure = { error };
      });
    };
    for await (const item of validatedRows(deps, job, (found) => (headerErrors = found))) {
      counts.total += 1;
      rowsRead += 1;
      errors.add(item.errors);
      if (item.part) batch.push(item.part);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length > 0 || rowsRead > 0) await flush();
    await inFlight;
    if (failure) throw failure.error;
    counts.failed = errors.badRows.size;
    if (headerErrors.length > 0 || (allOrNothing && counts.failed > 0)) throw new BadRowsFound();
  };
  const outcome = () => ({ status: 'succeeded' as const, errors: errors.listed(), counts });
  try {
    if (allOrNothing) {
      await inTransaction(deps.pool, async (tx) => {
        await writeAll((work) => work(tx));
        await importJobRepository.addOutcome(tx.db, job.id, pending);
        await finishImport(deps, tx, job, audit, outcome());
      });
    } else {
      await writeAll((work) => inTransaction(deps.pool, work));
      await inTransaction(deps.pool, (tx) => finishImport(deps, tx, job, audit, outcome()));
    }
  } catch (error) {
    if (error instanceof UnreadableCsvError) return failImport(deps, job, audit, [error.rowError]);
    if (!(error instanceof BadRowsFound)) throw error;
    if (headerErrors.length > 0) return failImport(deps, job, audit, headerErrors);
    return failImport(deps, job, audit, errors.listed(), {
      total: counts.total,
      failed: counts.failed,
    });
  }
}
