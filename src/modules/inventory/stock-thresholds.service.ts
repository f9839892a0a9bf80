import { z } from 'zod';
import { isCheckViolation } from '../../platform/db/pg-errors.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { requireOwnLocation, requireStockableParts } from './inventory-access.js';
import type { InventoryDeps } from './inventory.deps.js';
import { presentLevel, type LevelItem } from './inventory-query.service.js';
import { stockQueryRepository } from './stock-query.repository.js';

const count = z.number().int().min(0).max(10_000_000);
export const thresholdsSchema = z
  .object({
    minQuantity: count.nullable().optional(),
    maxQuantity: count.nullable().optional(),
    reorderPoint: count.nullable().optional(),
  })
  .strict()
  .describe(
    '`null` clears a threshold, an absent one is kept. `minQuantity` must not exceed `maxQuantity`, compared with the stored value of the one not sent (else 400).',
  );
export type Thresholds = z.infer<typeof thresholdsSchema>;

/**
 * Sets min / max / reorder point of a level of the caller's location (404 for another's location
 * or a part it may not stock); the low-stock alert and `lowStock=true` list use them.
 */
export async function setThresholds(
  deps: InventoryDeps,
  organizationId: string,
  key: { locationId: string; partId: string },
  input: Thresholds,
  audit: AuditContext,
): Promise<LevelItem> {
  return inTransaction(deps.pool, (tx) =>
    recordThresholds(tx, deps.events, organizationId, key, input, audit),
  );
}

/** `setThresholds` in the caller's transaction. */
export async function recordThresholds(
  tx: Tx,
  events: EventBus,
  organizationId: string,
  key: { locationId: string; partId: string },
  input: Thresholds,
  audit: AuditContext,
): Promise<LevelItem> {
  await requireOwnLocation(tx.db, organizationId, key.locationId);
  await requireStockableParts(tx.db, organizationId, [key.partId], { receiving: false });
  const before = await stockQueryRepository.findLevel(
    tx.db,
    organizationId,
    key.locationId,
    key.partId,
  );
  try {
    await stockQueryRepository.setThresholds(tx.db, { organizationId, ...key }, input);
  } catch (error) {
    if (isCheckViolation(error))
      throw new AppError('VALIDATION_FAILED', {
        errors: [{ path: 'body.minQuantity', message: 'must not exceed maxQuantity' }],
      });
    throw error;
  }
  const row = await stockQueryRepository.findLevel(
    tx.db,
    organizationId,
    key.locationId,
    key.partId,
  );
  if (!row) throw new Error('level vanished after setting thresholds');
  const level = presentLevel(row);
  await recordAudit(tx, {
    ...audit,
    organizationId,
    action: 'stock.thresholds_changed',
    entityType: 'stock_level',
    entityId: `${key.locationId}/${key.partId}`,
    before: before && {
      minQuantity: before.minQuantity,
      maxQuantity: before.maxQuantity,
      reorderPoint: before.reorderPoint,
    },
    after: {
      minQuantity: level.minQuantity,
      maxQuantity: level.maxQuantity,
      reorderPoint: level.reorderPoint,
    },
  });
  await events.publish(tx, {
    type: 'stock.thresholds_changed',
    payload: {
      organizationId,
      ...key,
      minQuantity: level.minQuantity,
      maxQuantity: level.maxQuantity,
      reorderPoint: level.reorderPoint,
    },
    aggregateType: 'stock_level',
    aggregateId: `${key.locationId}/${key.partId}`,
    organizationId,
    requestId: audit.requestId,
  });
  return level;
}
