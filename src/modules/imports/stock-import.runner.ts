import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { AuditContext } from '../audit/index.js';
import { csvRecords, UnreadableCsvError } from './csv-records.js';
import { importJobRepository, type ImportJobRow } from './import-job.repository.js';
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
import { applyStockBatch } from './stock-import.apply.js';
import { resolveStockRows } from './stock-import.resolve.js';
import {
  parseStockRow,
  resolveStockHeader,
  type StockImportMode,
  type StockImportRow,
} from './stock-import.row.js';

/** Reads the file in batches of valid rows (cells checked), with the errors of the rest. */
async function* rowBatches(
  deps: ImportDeps,
  job: ImportJobRow,
  mode: StockImportMode,
  batchSize: number,
  onHeaderErrors: (errors: ImportRowError[]) => void,
): AsyncGenerator<{ rows: StockImportRow[]; errors: ImportRowError[]; read: number }> {
  let headerOk = true;
  const records = csvRecords(await openSource(deps, job), (header) => {
    const resolved = resolveStockHeader(header);
    headerOk = resolved.errors.length === 0;
    if (!headerOk) onHeaderErrors(resolved.errors);
    return resolved.keys;
  });
  let batch: { rows: StockImportRow[]; errors: ImportRowError[]; read: number } = {
    rows: [],
    errors: [],
    read: 0,
  };
  for await (const record of records) {
    if (!headerOk) return;
    batch.read += 1;
    if (record.cellErrors.length > 0) batch.errors.push(...record.cellErrors);
    else {
      const parsed = parseStockRow(record.cells, record.row, mode);
      if (record.fieldCountError) batch.errors.push(record.fieldCountError);
      if (parsed.ok && !record.fieldCountError) batch.rows.push(parsed.value);
      else if (!parsed.ok) batch.errors.push(...parsed.errors);
    }
    if (batch.read >= batchSize) {
      yield batch;
      batch = { rows: [], errors: [], read: 0 };
    }
  }
  if (batch.read > 0) yield batch;
}

/**
 * Runs a stock import (`mode` set or adjust): pass one checks every row (cells, locations,
 * parts) writing nothing; pass two applies the good rows batch by batch through
 * `applyStockChanges` (movements of kind `import`). Without all-or-nothing each batch commits
 * with its progress, and a retried job resumes after the rows already committed, so adjustments
 * are never applied twice.
 */
export async function runStockImport(
  deps: ImportDeps,
  job: ImportJobRow,
  audit: AuditContext,
): Promise<void> {
  const mode: StockImportMode = job.options.mode === 'set' ? 'set' : 'adjust';
  const allOrNothing = job.options.allOrNothing === true;
  const batchSize = deps.batchSize ?? 1000;
  const errors = new RowErrors();
  let headerErrors: ImportRowError[] = [];
  let total = 0;
  const seen = new Map<string, number>();
  try {
    for await (const batch of rowBatches(
      deps,
      job,
      mode,
      batchSize,
      (found) => (headerErrors = found),
    )) {
      total += batch.read;
      errors.add(batch.errors);
      errors.add((await resolveStockRows(deps, job, mode, batch.rows, seen)).errors);
    }
  } catch (error) {
    if (error instanceof UnreadableCsvError) return failImport(deps, job, audit, [error.rowError]);
    throw error;
  }
  if (headerErrors.length > 0) return failImport(deps, job, audit, headerErrors);
  if (total === 0) return failImport(deps, job, audit, [noDataRowsError]);
  if (allOrNothing && errors.badRows.size > 0)
    return failImport(deps, job, audit, errors.listed(), { total, failed: errors.badRows.size });
  await importJobRepository.setValidated(deps.db, job.id, total, errors.report());

  // The failed count is the job row's: each batch adds its bad rows in its own transaction, so a
  // resumed run does not lose the rows the ledger refused in batches committed before the crash.
  const counts: ImportCounts = { total };
  const resumeAfter = job.processed;
  const writeAll = async (inTx: (work: (tx: Tx) => Promise<void>) => Promise<void>) => {
    let read = 0;
    const seenAgain = new Map<string, number>();
    for await (const batch of rowBatches(deps, job, mode, batchSize, () => undefined)) {
      read += batch.read;
      const checked = await resolveStockRows(deps, job, mode, batch.rows, seenAgain);
      if (read <= resumeAfter) continue;
      await inTx(async (tx) => {
        const result = await applyStockBatch(deps, tx, job, mode, checked.resolved, audit);
        errors.add(result.errors);
        if (allOrNothing && result.errors.length > 0) throw new StockRefused();
        await importJobRepository.addProcessed(tx.db, job.id, batch.read);
        await importJobRepository.addOutcome(tx.db, job.id, {
          created: 0,
          updated: result.moved,
          unchanged: result.unchanged,
          failed: rowsIn([...batch.errors, ...checked.errors, ...result.errors]),
        });
      });
    }
  };
  const outcome = () => ({ status: 'succeeded' as const, errors: errors.listed(), counts });
  if (allOrNothing) {
    try {
      await inTransaction(deps.pool, async (tx) => {
        await writeAll((work) => work(tx));
        await finishImport(deps, tx, job, audit, outcome());
      });
    } catch (error) {
      if (!(error instanceof StockRefused)) throw error;
      await failImport(deps, job, audit, errors.listed(), { total, failed: errors.badRows.size });
    }
  } else {
    await writeAll((work) => inTransaction(deps.pool, work));
    await inTransaction(deps.pool, (tx) => finishImport(deps, tx, job, audit, outcome()));
  }
}

/** How many rows `errors` are about (a row may have several). */
function rowsIn(errors: readonly ImportRowError[]): number {
  return new Set(errors.map((error) => error.row)).size;
}

/** All-or-nothing: the ledger refused a row, so the whole import rolls back. */
class StockRefused extends Error {}
