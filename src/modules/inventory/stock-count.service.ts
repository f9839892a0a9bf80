import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { toPage, type PageQuery } from '../../platform/http/pagination.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { requireOwnLocation, requireStockableParts } from './inventory-access.js';
import { ledgerActor, type InventoryDeps, type OccurredAt } from './inventory.deps.js';
import { applyStockChanges, type StockChange } from './stock-ledger.js';
import { renumberStockError } from './stock-ledger.errors.js';
import { compareLevelKeys } from './stock-ledger.rules.js';
import {
  stockCountRepository,
  type CountLineRow,
  type CountWithLines,
} from './stock-count.repository.js';
import { stockLevelLockRepository } from './stock-level-lock.repository.js';

export const newCountSchema = z
  .object({
    locationId: z.uuid(),
    lines: z
      .array(
        z
          .object({ partId: z.uuid(), countedQuantity: z.number().int().min(0).max(10_000_000) })
          .strict(),
      )
      .min(1)
      .max(1000)
      .refine(
        (lines) => new Set(lines.map((line) => line.partId)).size === lines.length,
        'each part at most once',
      )
      .describe('each part at most once'),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict();
export type NewCount = z.infer<typeof newCountSchema>;

export const countSchema = z.object({
  id: z.uuid(),
  locationId: z.uuid(),
  note: z.string().nullable(),
  lines: z.array(
    z.object({
      partId: z.uuid(),
      countedQuantity: z.number().int(),
      recordedQuantity: z.number().int(),
      difference: z.number().int(),
    }),
  ),
  createdAt: z.iso.datetime(),
});
export type CountView = z.infer<typeof countSchema>;

function present(row: CountWithLines): CountView {
  return {
    id: row.id,
    locationId: row.locationId,
    note: row.note,
    lines: row.lines.map((line) => ({
      ...line,
      difference: line.countedQuantity - line.recordedQuantity,
    })),
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * Applies a cycle count: the recorded on-hand quantities are read under the level locks, and each
 * difference becomes a `count` movement (reason `count_correction`) — in one transaction, so no
 * sale slips between reading and correcting. Counting below what is reserved is INSUFFICIENT_STOCK.
 */
export async function createCount(
  deps: InventoryDeps,
  organizationId: string,
  input: NewCount,
  audit: AuditContext,
): Promise<CountView> {
  return inTransaction(deps.pool, (tx) =>
    recordCount(tx, deps.events, organizationId, input, audit),
  );
}

/**
 * `createCount` in the caller's transaction; with `occurredAt` the count and its movements are
 * dated then (the demo world's history).
 */
export async function recordCount(
  tx: Tx,
  events: EventBus,
  organizationId: string,
  input: NewCount,
  audit: AuditContext,
  options: OccurredAt = {},
): Promise<CountView> {
  await requireOwnLocation(tx.db, organizationId, input.locationId);
  await requireStockableParts(
    tx.db,
    organizationId,
    input.lines.map((line) => line.partId),
    { receiving: false },
  );
  const keys = input.lines
    .map((line) => ({ locationId: input.locationId, partId: line.partId }))
    .sort(compareLevelKeys);
  await stockLevelLockRepository.ensure(tx, organizationId, keys);
  const recorded = new Map(
    (await stockLevelLockRepository.lock(tx, organizationId, keys)).map((level) => [
      level.partId,
      level.onHand,
    ]),
  );
  const count = await stockCountRepository.insert(tx.db, {
    organizationId,
    locationId: input.locationId,
    note: input.note ?? null,
    ...(options.occurredAt ? { createdAt: options.occurredAt } : {}),
  });
  const lines: CountLineRow[] = input.lines.map((line) => ({
    partId: line.partId,
    countedQuantity: line.countedQuantity,
    recordedQuantity: recorded.get(line.partId) ?? 0,
  }));
  const changed = lines
    .map((line, index) => ({ line, index }))
    .filter(({ line }) => line.countedQuantity !== line.recordedQuantity);
  const changes: StockChange[] = changed.map(({ line }) => ({
    organizationId,
    locationId: input.locationId,
    partId: line.partId,
    kind: 'count',
    reason: 'count_correction',
    onHandDelta: line.countedQuantity - line.recordedQuantity,
    referenceType: 'count',
    referenceId: count.id,
    actor: ledgerActor(audit),
    ...(input.note ? { note: input.note } : {}),
    ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
  }));
  // The ledger numbers its changes; the caller knows the lines of its count.
  await applyStockChanges(tx, events, changes).catch((error: unknown) => {
    throw renumberStockError(error, (change) => changed[change]?.index, {
      pathPrefix: 'body.lines.',
      detail: 'A counted quantity is below the stock reserved there; nothing was applied.',
    });
  });
  await stockCountRepository.insertLines(tx.db, count.id, lines);
  const view = present({ ...count, lines });
  await recordAudit(tx, {
    ...audit,
    organizationId,
    action: 'stock.counted',
    entityType: 'stock_count',
    entityId: count.id,
    after: view,
  });
  await events.publish(tx, {
    type: 'stock.counted',
    payload: {
      organizationId,
      countId: count.id,
      locationId: input.locationId,
      differences: changes.length,
    },
    aggregateType: 'stock_count',
    aggregateId: count.id,
    organizationId,
    requestId: audit.requestId,
  });
  return view;
}

/** The organization's cycle counts, newest first. */
export async function listCounts(db: Db, organizationId: string, query: PageQuery) {
  const rows = await stockCountRepository.page(db, organizationId, query.limit + 1, query.cursor);
  return toPage(rows, query.limit, present, (row) => row.id);
}
