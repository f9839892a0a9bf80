import { z } from 'zod';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { AppError } from '../../platform/errors/app-error.js';
import {
  withIdempotency,
  type IdempotentOutcome,
} from '../../platform/idempotency/idempotency.service.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { requireOwnLocation, requireStockableParts } from './inventory-access.js';
import {
  ledgerActor,
  occurredAtOf,
  type InventoryDeps,
  type OccurredAt,
} from './inventory.deps.js';
import { adjustmentReasons, type AdjustmentReason } from './inventory.tables.js';
import { applyStockChangesWithIds } from './stock-ledger.js';

const maxQuantity = 1_000_000;

export const adjustmentSchema = z
  .object({
    locationId: z.uuid(),
    partId: z.uuid(),
    // Two ranges rather than a refinement, so the OpenAPI document states that 0 is refused.
    quantityDelta: z.union([z.int().min(-maxQuantity).max(-1), z.int().min(1).max(maxQuantity)], {
      error: `must be a non-zero integer from -${maxQuantity} to ${maxQuantity}`,
    }),
    reason: z.enum(adjustmentReasons),
    note: z.string().trim().min(1).max(500).optional(),
    /** Cost of one unit received; only with a positive `quantityDelta`. */
    unitCostPaise: z.number().int().min(0).max(1_000_000_000_00).optional(),
  })
  .strict();
export type AdjustmentInput = z.infer<typeof adjustmentSchema>;

export const adjustmentResultSchema = z.object({
  movementId: z.number().int(),
  level: z.object({
    onHand: z.number().int(),
    reserved: z.number().int(),
    available: z.number().int(),
  }),
});
export type AdjustmentResult = z.infer<typeof adjustmentResultSchema>;

/** Receipts and returns add stock, damage and loss remove it; a correction may go either way. */
const direction: Record<AdjustmentReason, 'in' | 'out' | 'any'> = {
  receipt: 'in',
  return_restock: 'in',
  damage: 'out',
  loss: 'out',
  count_correction: 'any',
};

function checkDirection(input: AdjustmentInput): void {
  const expected = direction[input.reason];
  const errors = [];
  if (
    (expected === 'in' && input.quantityDelta < 0) ||
    (expected === 'out' && input.quantityDelta > 0)
  )
    errors.push({
      path: 'body.quantityDelta',
      message: `must be ${expected === 'in' ? 'positive' : 'negative'} for reason ${input.reason}`,
    });
  if (input.unitCostPaise !== undefined && input.quantityDelta < 0)
    errors.push({ path: 'body.unitCostPaise', message: 'only for stock coming in' });
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', { errors });
}

/** The idempotency operation name of adjustments (keys are per operation). */
export const adjustmentOperation = 'inventory.adjustment';

/**
 * A manual stock adjustment with a reason code — one movement, the level, the audit entry and the
 * event in one transaction, at most once per `Idempotency-Key`. The location must be the caller's,
 * the part its brand's or a brand it actively partners with (else 404); draft parts cannot
 * receive stock; stock going below reserved is INSUFFICIENT_STOCK.
 */
export async function createAdjustment(
  deps: InventoryDeps,
  organizationId: string,
  input: AdjustmentInput,
  idempotencyKey: string | undefined,
  audit: AuditContext,
): Promise<IdempotentOutcome<AdjustmentResult>> {
  checkDirection(input);
  return inTransaction(deps.pool, (tx) =>
    withIdempotency(
      tx,
      {
        organizationId,
        operation: adjustmentOperation,
        key: idempotencyKey,
        requestBody: input,
      },
      async () => {
        const [result] = await recordAdjustments(tx, deps.events, organizationId, [input], audit);
        if (!result) throw new Error('adjustment applied nothing');
        return result;
      },
    ),
  );
}

const levelKey = (input: { locationId: string; partId: string }) =>
  `${input.locationId}/${input.partId}`;

/**
 * Adjustments in the caller's transaction, each as `createAdjustment` records it (one movement,
 * one audit entry, one event), through one ledger call — a goods receipt of many lines costs one
 * round of locks. At most one adjustment per location × part per call, so each audit entry states
 * the level its own adjustment left. With `occurredAt` the movements are dated then (the demo
 * world's history); the audit entries are written now and say when the adjustment happened.
 */
export async function recordAdjustments(
  tx: Tx,
  events: EventBus,
  organizationId: string,
  inputs: readonly AdjustmentInput[],
  audit: AuditContext,
  options: OccurredAt = {},
): Promise<AdjustmentResult[]> {
  inputs.forEach(checkDirection);
  if (new Set(inputs.map(levelKey)).size !== inputs.length)
    throw new Error('recordAdjustments: one adjustment per location and part per call');
  for (const locationId of new Set(inputs.map((input) => input.locationId)))
    await requireOwnLocation(tx.db, organizationId, locationId);
  const incoming = inputs.filter((input) => input.quantityDelta > 0).map((input) => input.partId);
  const outgoing = inputs.filter((input) => input.quantityDelta < 0).map((input) => input.partId);
  if (incoming.length > 0)
    await requireStockableParts(tx.db, organizationId, incoming, { receiving: true });
  if (outgoing.length > 0)
    await requireStockableParts(tx.db, organizationId, outgoing, { receiving: false });
  const { levels, movementIds } = await applyStockChangesWithIds(
    tx,
    events,
    inputs.map((input) => ({
      organizationId,
      locationId: input.locationId,
      partId: input.partId,
      kind: 'adjustment' as const,
      onHandDelta: input.quantityDelta,
      reason: input.reason,
      ...(input.note === undefined ? {} : { note: input.note }),
      ...(input.unitCostPaise === undefined ? {} : { unitCostPaise: input.unitCostPaise }),
      referenceType: 'adjustment',
      actor: ledgerActor(audit),
      ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
    })),
  );
  const levelByKey = new Map(levels.map((level) => [levelKey(level), level]));
  const results: AdjustmentResult[] = [];
  for (const [index, input] of inputs.entries()) {
    const level = levelByKey.get(levelKey(input));
    const movementId = movementIds[index];
    if (!level || movementId === undefined) throw new Error('adjustment applied nothing');
    const body: AdjustmentResult = {
      movementId,
      level: { onHand: level.onHand, reserved: level.reserved, available: level.available },
    };
    // Audit after the ledger: every stock operation takes the level locks before the audit
    // chain lock, one order for all, so the two cannot deadlock.
    await recordAudit(tx, {
      ...audit,
      organizationId,
      action: 'stock.adjusted',
      entityType: 'stock_level',
      entityId: levelKey(input),
      after: { ...input, movementId, level: body.level, ...occurredAtOf(options) },
    });
    await events.publish(tx, {
      type: 'stock.adjusted',
      payload: {
        organizationId,
        locationId: input.locationId,
        partId: input.partId,
        movementId,
        quantityDelta: input.quantityDelta,
        reason: input.reason,
      },
      aggregateType: 'stock_level',
      aggregateId: levelKey(input),
      organizationId,
      requestId: audit.requestId,
    });
    results.push(body);
  }
  return results;
}
