import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { AuditContext } from '../identity/audit-actor.js';
import { partBulkRepository, type BulkPart } from '../catalog/part-bulk.repository.js';
import { csvRecords, UnreadableCsvError, type CsvRecord } from './csv-records.js';
import { importJobRepository, type ImportJobRow } from './import-job.repository.js';
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

/**
 * Runs a parts import: a first pass validates the whole file (header first, then every row,
 * nothing written) so every bad row is known at once and `total` is known before writing; the
 * second pass upserts the good rows in batches. All-or-nothing: any bad row fails the job and
 * nothing is written; otherwise every batch commits on its own with its progress, and the rows
 * are written again on a retry without harm (unchanged rows are not rewritten).
 */
export async function runPartImport(
  deps: ImportDeps,
  job: ImportJobRow,
  audit: AuditContext,
): Promise<void> {
  const allOrNothing = job.options.allOrNothing === true;
  const batchSize = deps.batchSize ?? 1000;
  const errors = new RowErrors();
  let headerErrors: ImportRowError[] = [];
  let total = 0;
  try {
    for await (const item of validatedRows(deps, job, (found) => (headerErrors = found))) {
      total += 1;
      errors.add(item.errors);
    }
  } catch (error) {
    if (error instanceof UnreadableCsvError) return failImport(deps, job, audit, [error.rowError]);
    throw error;
  }
  if (headerErrors.length > 0) return failImport(deps, job, audit, headerErrors);
  const failed = errors.badRows.size;
  await importJobRepository.setValidated(deps.db, job.id, total, errors.report());
  if (allOrNothing && failed > 0)
    return failImport(deps, job, audit, errors.report(), { total, failed });

  const counts: ImportCounts = { total, created: 0, updated: 0, unchanged: 0, failed };
  const write = async (tx: Tx, batch: BulkPart[], rowsRead: number) => {
    const result = await partBulkRepository.upsert(tx.client, job.organizationId, batch);
    counts.created += result.created;
    counts.updated += result.updated;
    counts.unchanged += result.unchanged;
    await importJobRepository.addProgress(tx.db, job.id, rowsRead, batch.length);
  };
  const writeAll = async (inTx: (work: (tx: Tx) => Promise<void>) => Promise<void>) => {
    let batch: BulkPart[] = [];
    let rowsRead = 0;
    for await (const item of validatedRows(deps, job, () => undefined)) {
      rowsRead += 1;
      if (item.part) batch.push(item.part);
      if (batch.length >= batchSize) {
        const full = batch;
        const read = rowsRead;
        await inTx((tx) => write(tx, full, read));
        batch = [];
        rowsRead = 0;
      }
    }
    const rest = batch;
    const read = rowsRead;
    if (rest.length > 0 || read > 0) await inTx((tx) => write(tx, rest, read));
  };
  const outcome = { status: 'succeeded' as const, errors: errors.report(), counts };
  if (allOrNothing) {
    await inTransaction(deps.pool, async (tx) => {
      await writeAll((work) => work(tx));
      await finishImport(deps, tx, job, audit, outcome);
    });
  } else {
    await writeAll((work) => inTransaction(deps.pool, work));
    await inTransaction(deps.pool, (tx) => finishImport(deps, tx, job, audit, outcome));
  }
}
