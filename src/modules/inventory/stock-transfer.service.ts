import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { toPage, type PageQuery } from '../../platform/http/pagination.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { requireOwnLocation, requireStockableParts } from './inventory-access.js';
import { ledgerActor, type InventoryDeps, type OccurredAt } from './inventory.deps.js';
import { presentTransfer, type NewTransfer, type TransferView } from './stock-transfer.schemas.js';
import { applyStockChanges } from './stock-ledger.js';
import { renumberStockError } from './stock-ledger.errors.js';
import { stockTransferRepository } from './stock-transfer.repository.js';

/** One line per part: repeated parts of a request are summed (the lines table is keyed by part). */
function mergeLines(lines: NewTransfer['lines']): Array<{ partId: string; quantity: number }> {
  const byPart = new Map<string, number>();
  for (const line of lines) byPart.set(line.partId, (byPart.get(line.partId) ?? 0) + line.quantity);
  return [...byPart].map(([partId, total]) => ({ partId, quantity: total }));
}

async function audited(
  tx: Tx,
  events: EventBus,
  organizationId: string,
  audit: AuditContext,
  action: 'stock.transfer_sent' | 'stock.transfer_received',
  view: TransferView,
) {
  await recordAudit(tx, {
    ...audit,
    organizationId,
    action,
    entityType: 'stock_transfer',
    entityId: view.id,
    after: view,
  });
  await events.publish(tx, {
    type: action,
    payload: {
      organizationId,
      transferId: view.id,
      fromLocationId: view.fromLocationId,
      toLocationId: view.toLocationId,
    },
    aggregateType: 'stock_transfer',
    aggregateId: view.id,
    organizationId,
    requestId: audit.requestId,
  });
}

/**
 * Sends stock from one own location to another: on hand leaves the source (`transfer_out`) and
 * appears as in transit at the destination (`transfer_in_transit`), all lines or none.
 */
export async function createTransfer(
  deps: InventoryDeps,
  organizationId: string,
  input: NewTransfer,
  audit: AuditContext,
): Promise<TransferView> {
  return inTransaction(deps.pool, (tx) =>
    recordTransfer(tx, deps.events, organizationId, input, audit),
  );
}

/**
 * `createTransfer` in the caller's transaction; with `occurredAt` the transfer and its movements
 * are dated then (the demo world's history).
 */
export async function recordTransfer(
  tx: Tx,
  events: EventBus,
  organizationId: string,
  input: NewTransfer,
  audit: AuditContext,
  options: OccurredAt = {},
): Promise<TransferView> {
  const lines = mergeLines(input.lines);
  await requireOwnLocation(tx.db, organizationId, input.fromLocationId);
  await requireOwnLocation(tx.db, organizationId, input.toLocationId);
  await requireStockableParts(
    tx.db,
    organizationId,
    lines.map((line) => line.partId),
    { receiving: false },
  );
  const transfer = await stockTransferRepository.insert(
    tx.db,
    {
      organizationId,
      fromLocationId: input.fromLocationId,
      toLocationId: input.toLocationId,
      note: input.note ?? null,
      ...(options.occurredAt ? { createdAt: options.occurredAt } : {}),
    },
    lines,
  );
  const common = {
    organizationId,
    referenceType: 'transfer',
    referenceId: transfer.id,
    actor: ledgerActor(audit),
    ...(input.note ? { note: input.note } : {}),
    ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
  };
  const sent = [
    ...lines.map((line) => ({
      ...common,
      locationId: input.fromLocationId,
      partId: line.partId,
      kind: 'transfer_out' as const,
      onHandDelta: -line.quantity,
    })),
    ...lines.map((line) => ({
      ...common,
      locationId: input.toLocationId,
      partId: line.partId,
      kind: 'transfer_in_transit' as const,
      inTransitDelta: line.quantity,
    })),
  ];
  // Refusals name the request's lines: a change of part P is the first line of P.
  await applyStockChanges(tx, events, sent).catch((error: unknown) => {
    throw renumberStockError(
      error,
      (change) => {
        const partId = sent[change]?.partId;
        const line = input.lines.findIndex((candidate) => candidate.partId === partId);
        return line < 0 ? undefined : line;
      },
      { pathPrefix: 'body.lines.' },
    );
  });
  const view = presentTransfer(transfer);
  await audited(tx, events, organizationId, audit, 'stock.transfer_sent', view);
  return view;
}

/**
 * Receives a transfer in full: in transit becomes on hand at the destination
 * (`transfer_receipt`), valued at the source's moving-average cost. A second receipt is CONFLICT.
 */
export async function receiveTransfer(
  deps: InventoryDeps,
  organizationId: string,
  id: string,
  audit: AuditContext,
): Promise<TransferView> {
  return inTransaction(deps.pool, (tx) =>
    recordTransferReceipt(tx, deps.events, organizationId, id, audit),
  );
}

/**
 * `receiveTransfer` in the caller's transaction; with `occurredAt` the receipt and its movements
 * are dated then (the demo world's history).
 */
export async function recordTransferReceipt(
  tx: Tx,
  events: EventBus,
  organizationId: string,
  id: string,
  audit: AuditContext,
  options: OccurredAt = {},
): Promise<TransferView> {
  const transfer = await stockTransferRepository.findForUpdate(tx.db, organizationId, id);
  if (!transfer) throw new AppError('NOT_FOUND', { detail: 'No such transfer.' });
  if (transfer.status !== 'in_transit')
    throw new AppError('CONFLICT', { detail: `The transfer is already ${transfer.status}.` });
  const costs = await stockTransferRepository.sourceCosts(
    tx.db,
    organizationId,
    transfer.fromLocationId,
    transfer.lines.map((line) => line.partId),
  );
  await applyStockChanges(
    tx,
    events,
    transfer.lines.map((line) => {
      const cost = costs.get(line.partId);
      return {
        organizationId,
        locationId: transfer.toLocationId,
        partId: line.partId,
        kind: 'transfer_receipt' as const,
        inTransitDelta: -line.quantity,
        onHandDelta: line.quantity,
        referenceType: 'transfer',
        referenceId: transfer.id,
        actor: ledgerActor(audit),
        ...(cost ? { unitCostPaise: cost } : {}),
        ...(options.occurredAt ? { occurredAt: options.occurredAt } : {}),
      };
    }),
  );
  const view = presentTransfer(
    await stockTransferRepository.markReceived(tx.db, transfer.id, options.occurredAt),
  );
  await audited(tx, events, organizationId, audit, 'stock.transfer_received', view);
  return view;
}

/** The organization's transfers, newest first. */
export async function listTransfers(db: Db, organizationId: string, query: PageQuery) {
  const rows = await stockTransferRepository.page(
    db,
    organizationId,
    query.limit + 1,
    query.cursor,
  );
  return toPage(rows, query.limit, presentTransfer, (row) => row.id);
}
