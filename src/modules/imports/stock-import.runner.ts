import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { AuditContext } from '../identity/audit-actor.js';
import { applyStockChanges, type StockChange } from '../inventory/stock-ledger.js';
import { stockLevelLockRepository } from '../inventory/stock-level-lock.repository.js';
import { csvRecords, UnreadableCsvError } from './csv-records.js';
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
import { stockImportRepository } from './stock-import.repository.js';
import {
  parseStockRow,
  stockHeaderErrors,
  type StockImportMode,
  type StockImportRow,
} from './stock-import.row.js';

/** A row whose location and part are known. */
interface ResolvedRow extends StockImportRow {
  locationId: string;
  partId: string;
}

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
    const errors = stockHeaderErrors(header);
    headerOk = errors.length === 0;
    if (!headerOk) onHeaderErrors(errors);
  });
  let batch: { rows: StockImportRow[]; errors: ImportRowError[]; read: number } = {
    rows: [],
    errors: [],
    read: 0,
  };
  for await (const record of records) {
    if (!headerOk) return;
    batch.read += 1;
    const parsed = parseStockRow(record.cells, record.row, mode);
    if (record.fieldCountError) batch.errors.push(record.fieldCountError);
    if (parsed.ok && !record.fieldCountError) batch.rows.push(parsed.value);
    else if (!parsed.ok) batch.errors.push(...parsed.errors);
    if (batch.read >= batchSize) {
      yield batch;
      batch = { rows: [], errors: [], read: 0 };
    }
  }
  if (batch.read > 0) yield batch;
}

/**
 * Turns location names and part numbers into ids. A part number that matches parts of two
 * brands the organization stocks is ambiguous and reported; so are unknown ones and drafts. In
 * `set` mode one location × part may appear once per file (`seen` spans the whole file).
 */
async function resolve(
  deps: ImportDeps,
  job: ImportJobRow,
  mode: StockImportMode,
  rows: StockImportRow[],
  seen: Map<string, number>,
): Promise<{ resolved: ResolvedRow[]; errors: ImportRowError[] }> {
  const locations = await stockImportRepository.locations(deps.pool, job.organizationId);
  const byId = new Map(locations.map((location) => [location.id.toLowerCase(), location.id]));
  const byName = new Map<string, string[]>();
  for (const location of locations) {
    const key = location.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), location.id]);
  }
  const parts = await stockImportRepository.partsByNumber(
    deps.pool,
    job.organizationId,
    rows.map((row) => row.partNumber),
  );
  const partsByNumber = new Map<string, typeof parts>();
  for (const part of parts) {
    const key = part.partNumber.toLowerCase();
    partsByNumber.set(key, [...(partsByNumber.get(key) ?? []), part]);
  }
  const resolved: ResolvedRow[] = [];
  const errors: ImportRowError[] = [];
  for (const row of rows) {
    const { row: number } = row;
    let locationId: string | undefined;
    if (row.locationId) {
      locationId = byId.get(row.locationId.toLowerCase());
      if (!locationId)
        errors.push({ row: number, column: 'location_id', message: 'no such location' });
    } else {
      const matches = byName.get((row.locationName ?? '').toLowerCase()) ?? [];
      if (matches.length === 1) locationId = matches[0];
      else
        errors.push({
          row: number,
          column: 'location_name',
          message:
            matches.length === 0
              ? 'no location has this name'
              : 'several locations have this name; use location_id',
        });
    }
    const candidates = (partsByNumber.get(row.partNumber.toLowerCase()) ?? []).filter(
      (part) => part.brandId === job.organizationId || part.status !== 'draft',
    );
    const own = candidates.filter((part) => part.brandId === job.organizationId);
    const part = own.length === 1 ? own[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (!part)
      errors.push({
        row: number,
        column: 'part_number',
        message:
          candidates.length === 0
            ? 'no part with this number in your catalog or your brands’ catalogs'
            : 'this part number exists in several brands’ catalogs',
      });
    else if (part.status === 'draft')
      errors.push({
        row: number,
        column: 'part_number',
        message: 'the part is a draft; publish it first',
      });
    if (!locationId || !part || part.status === 'draft') continue;
    const key = `${locationId}/${part.id}`;
    const first = seen.get(key);
    if (mode === 'set' && first !== undefined) {
      errors.push({
        row: number,
        column: 'part_number',
        message: `this location and part are already set in row ${first}`,
      });
      continue;
    }
    if (first === undefined) seen.set(key, number);
    resolved.push({ ...row, locationId, partId: part.id });
  }
  return { resolved, errors };
}

/**
 * Stock changes of a batch, computed under the ledger's level locks (taken in its order):
 * set = the difference to the quantity on hand; adjust = the row's delta. Rows apply in file
 * order, so a row that would take the level below its reserved stock is refused on its own and
 * the rows after it still see the level it left.
 */
async function changesOf(
  tx: Tx,
  job: ImportJobRow,
  mode: StockImportMode,
  rows: ResolvedRow[],
  audit: AuditContext,
): Promise<{
  changes: StockChange[];
  rows: ResolvedRow[];
  unchanged: number;
  errors: ImportRowError[];
}> {
  const keyOf = (row: { locationId: string; partId: string }) => `${row.locationId}/${row.partId}`;
  const keys = [...new Map(rows.map((row) => [keyOf(row), row])).values()]
    .map(({ locationId, partId }) => ({ locationId, partId }))
    .sort((a, b) =>
      a.locationId === b.locationId
        ? a.partId.localeCompare(b.partId)
        : a.locationId.localeCompare(b.locationId),
    );
  await stockLevelLockRepository.ensure(tx, job.organizationId, keys);
  const levels = new Map(
    (await stockLevelLockRepository.lock(tx, job.organizationId, keys)).map((level) => [
      keyOf(level),
      { onHand: level.onHand, reserved: level.reserved },
    ]),
  );
  const actor: StockChange['actor'] = {};
  if (audit.actor.userId) actor.userId = audit.actor.userId;
  if (audit.actor.apiKeyId) actor.apiKeyId = audit.actor.apiKeyId;
  const changes: StockChange[] = [];
  const applied: ResolvedRow[] = [];
  const errors: ImportRowError[] = [];
  let unchanged = 0;
  for (const row of rows) {
    const level = levels.get(keyOf(row)) ?? { onHand: 0, reserved: 0 };
    const delta = mode === 'set' ? row.quantity - level.onHand : row.quantity;
    if (delta === 0) {
      unchanged += 1;
      continue;
    }
    if (level.onHand + delta < level.reserved) {
      errors.push({
        row: row.row,
        column: 'quantity',
        message: `would leave ${level.onHand + delta} on hand, less than the ${level.reserved} reserved (on hand now ${level.onHand})`,
      });
      continue;
    }
    level.onHand += delta;
    levels.set(keyOf(row), level);
    changes.push({
      organizationId: job.organizationId,
      locationId: row.locationId,
      partId: row.partId,
      kind: 'import',
      onHandDelta: delta,
      reason: mode === 'set' ? 'count_correction' : row.reason,
      referenceType: 'import_job',
      referenceId: job.id,
      ...(delta > 0 && row.unitCostPaise !== null ? { unitCostPaise: row.unitCostPaise } : {}),
      actor,
    });
    applied.push(row);
  }
  return { changes, rows: applied, unchanged, errors };
}

/**
 * Applies a batch through the ledger (`applyStockChanges`, movements of kind `import`). The
 * levels are already locked and every refused row left out, so the ledger's own checks pass;
 * if they did not (a bug), the error propagates and the batch rolls back.
 */
async function applyBatch(
  deps: ImportDeps,
  tx: Tx,
  job: ImportJobRow,
  mode: StockImportMode,
  rows: ResolvedRow[],
  audit: AuditContext,
): Promise<{ moved: number; unchanged: number; errors: ImportRowError[] }> {
  const { changes, unchanged, errors } = await changesOf(tx, job, mode, rows, audit);
  await applyStockChanges(tx, deps.events, changes);
  return { moved: changes.length, unchanged, errors };
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
      errors.add((await resolve(deps, job, mode, batch.rows, seen)).errors);
    }
  } catch (error) {
    if (error instanceof UnreadableCsvError) return failImport(deps, job, audit, [error.rowError]);
    throw error;
  }
  if (headerErrors.length > 0) return failImport(deps, job, audit, headerErrors);
  if (allOrNothing && errors.badRows.size > 0)
    return failImport(deps, job, audit, errors.report(), { total, failed: errors.badRows.size });
  await importJobRepository.setValidated(deps.db, job.id, total, errors.report());

  const counts: ImportCounts = { total, created: 0, updated: 0, unchanged: 0, failed: 0 };
  const resumeAfter = job.processed;
  const writeAll = async (inTx: (work: (tx: Tx) => Promise<void>) => Promise<void>) => {
    let read = 0;
    const seenAgain = new Map<string, number>();
    for await (const batch of rowBatches(deps, job, mode, batchSize, () => undefined)) {
      read += batch.read;
      const { resolved } = await resolve(deps, job, mode, batch.rows, seenAgain);
      if (read <= resumeAfter) continue;
      await inTx(async (tx) => {
        const result = await applyBatch(deps, tx, job, mode, resolved, audit);
        counts.updated += result.moved;
        counts.unchanged += result.unchanged;
        errors.add(result.errors);
        if (allOrNothing && result.errors.length > 0) throw new StockRefused();
        await importJobRepository.addProgress(
          tx.db,
          job.id,
          batch.read,
          result.moved + result.unchanged,
        );
      });
    }
  };
  const outcome = () => {
    counts.failed = errors.badRows.size;
    return { status: 'succeeded' as const, errors: errors.report(), counts };
  };
  if (allOrNothing) {
    try {
      await inTransaction(deps.pool, async (tx) => {
        await writeAll((work) => work(tx));
        await finishImport(deps, tx, job, audit, outcome());
      });
    } catch (error) {
      if (!(error instanceof StockRefused)) throw error;
      await failImport(deps, job, audit, errors.report(), { total, failed: errors.badRows.size });
    }
  } else {
    await writeAll((work) => inTransaction(deps.pool, work));
    await inTransaction(deps.pool, (tx) => finishImport(deps, tx, job, audit, outcome()));
  }
}

/** All-or-nothing: the ledger refused a row, so the whole import rolls back. */
class StockRefused extends Error {}
