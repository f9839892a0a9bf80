import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { AuditContext } from '../audit/index.js';
import { upsertBrandParts, type BulkPart } from '../catalog/index.js';
import { csvRecords, UnreadableCsvError, type CsvRecord } from './csv-records.js';
import {
  importJobRepository,
  type ImportJobRow,
  type ImportOutcomeCounts,
} from './import-job.repository.js';
import type { ImportRowError } from './import-job.tables.js';
import {
  failImport,
  finishImport,
  noDataRowsError,
  openSource,
  RowErrors,
  type ImportCounts,
  type ImportDeps,
} from './import-run.js';
import { parsePartRow, resolvePartHeader } from './part-import.row.js';
import {
  partNumberKey,
  repeatedPartNumberError,
  scanPartFile,
  type PartFileScan,
} from './part-import.scan.js';

/** Rows per upsert statement: large enough that per-statement costs vanish (see bench/inventory). */
export const defaultPartBatchSize = 5000;

/**
 * Each row of the file with its row number, its part when valid, and its errors; every row of a
 * part number the scan found more than once is refused.
 */
async function* validatedRows(
  deps: ImportDeps,
  job: ImportJobRow,
  repeated: PartFileScan['repeated'],
  onHeaderErrors: (errors: ImportRowError[]) => void,
): AsyncGenerator<{ record: CsvRecord; part?: BulkPart; errors: ImportRowError[] }> {
  let headerOk = true;
  const records = csvRecords(await openSource(deps, job), (header) => {
    const resolved = resolvePartHeader(header);
    headerOk = resolved.errors.length === 0;
    if (!headerOk) onHeaderErrors(resolved.errors);
    return resolved.keys;
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
    const rowsOfNumber =
      repeated.size > 0 ? repeated.get(partNumberKey(record.cells['part_number'])) : undefined;
    if (rowsOfNumber) {
      const partNumber = record.cells['part_number']?.trim() ?? '';
      errors.push(repeatedPartNumberError(record.row, partNumber, rowsOfNumber));
    }
    yield errors.length === 0 && parsed.ok
      ? { record, part: parsed.part, errors }
      : { record, errors };
  }
}

/** All-or-nothing met a bad row: the transaction rolls back and the job fails. */
class BadRowsFound extends Error {}

/**
 * Runs a parts import in two reads of the file. The first (`scanPartFile`) counts the records,
 * so progress has a denominator from the start, and finds part numbers given on more than one
 * row (all those rows are refused, the first included). The second streams: the header is checked before
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
  let scan: PartFileScan;
  try {
    scan = await scanPartFile(await openSource(deps, job));
  } catch (error) {
    if (error instanceof UnreadableCsvError) return failImport(deps, job, audit, [error.rowError]);
    throw error;
  }
  await importJobRepository.setValidated(deps.db, job.id, scan.total, []);

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
    for await (const item of validatedRows(
      deps,
      job,
      scan.repeated,
      (found) => (headerErrors = found),
    )) {
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
    if (headerErrors.length > 0 || counts.total === 0 || (allOrNothing && counts.failed > 0))
      throw new BadRowsFound();
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
    if (counts.total === 0) return failImport(deps, job, audit, [noDataRowsError]);
    return failImport(deps, job, audit, errors.listed(), {
      total: counts.total,
      failed: counts.failed,
    });
  }
}
