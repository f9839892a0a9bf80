import type { Tx } from '../../platform/db/transaction.js';
import type { AuditContext } from '../audit/index.js';
import { applyStockChanges, lockStockLevels, type StockChange } from '../inventory/index.js';
import type { ImportJobRow } from './import-job.repository.js';
import type { ImportRowError } from './import-job.tables.js';
import type { ImportDeps } from './import-run.js';
import type { ResolvedRow } from './stock-import.resolve.js';
import type { StockImportMode } from './stock-import.row.js';

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
  const levels = new Map(
    (await lockStockLevels(tx, job.organizationId, rows)).map((level) => [
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
export async function applyStockBatch(
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
