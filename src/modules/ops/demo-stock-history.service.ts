import type { Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import type { AuditContext } from '../audit/index.js';
import {
  recordAdjustments,
  recordCount,
  recordReservation,
  recordThresholds,
  recordTransfer,
  recordTransferReceipt,
} from '../inventory/index.js';
import type { PlannedOperation } from './demo-stock-plan.types.js';

/** Where the plan's names point in this database. */
export interface StockHistoryIds {
  /** Location key → its organization's id. */
  organizationOf: ReadonlyMap<string, string>;
  /** Location key → location id. */
  locations: ReadonlyMap<string, string>;
  /** Part number → part id. */
  parts: ReadonlyMap<string, string>;
  /** E-mail → user id. */
  users: ReadonlyMap<string, string>;
}

function required<T>(map: ReadonlyMap<string, T>, key: string, what: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`demo stock history: unknown ${what} ${key}`);
  return value;
}

/**
 * Records the planned history in the caller's transaction through inventory's services — each
 * operation validated, written to the ledger and audited as its HTTP route would, dated with its
 * planned time (the audit entries, written now, say when it happened). The audit entries carry
 * the request id `demo-world`, so seeded history can be told from what people did. Returns the
 * number of stock movements written.
 */
export async function recordStockHistory(
  tx: Tx,
  events: EventBus,
  ids: StockHistoryIds,
  plan: readonly PlannedOperation[],
): Promise<number> {
  const part = (partNumber: string) => required(ids.parts, partNumber, 'part');
  const location = (key: string) => required(ids.locations, key, 'location');
  const transfers = new Map<string, { id: string; lines: number }>();
  let movements = 0;
  for (const operation of plan) {
    const organizationId = required(ids.organizationOf, operation.location, 'location');
    const audit: AuditContext = {
      actor: { userId: required(ids.users, operation.actor, 'member') },
      requestId: 'demo-world',
      ip: null,
    };
    const dated = { occurredAt: operation.at };
    const locationId = location(operation.location);
    switch (operation.kind) {
      case 'adjust': {
        const inputs = operation.lines.map((line) => ({
          locationId,
          partId: part(line.partNumber),
          quantityDelta: line.quantity,
          reason: line.reason,
          note: operation.note,
          ...(line.unitCostPaise === undefined ? {} : { unitCostPaise: line.unitCostPaise }),
        }));
        await recordAdjustments(tx, events, organizationId, inputs, audit, dated);
        movements += inputs.length;
        break;
      }
      case 'transfer': {
        const lines = operation.lines.map((line) => ({
          partId: part(line.partNumber),
          quantity: line.quantity,
        }));
        const toLocationId = location(operation.to);
        const input = { fromLocationId: locationId, toLocationId, lines, note: operation.note };
        const view = await recordTransfer(tx, events, organizationId, input, audit, dated);
        transfers.set(operation.transfer, { id: view.id, lines: lines.length });
        movements += 2 * lines.length;
        break;
      }
      case 'receive_transfer': {
        const transfer = required(transfers, operation.transfer, 'transfer');
        await recordTransferReceipt(tx, events, organizationId, transfer.id, audit, dated);
        movements += transfer.lines;
        break;
      }
      case 'count': {
        const lines = operation.lines.map((line) => ({
          partId: part(line.partNumber),
          countedQuantity: line.counted,
        }));
        const input = { locationId, lines, note: operation.note };
        const view = await recordCount(tx, events, organizationId, input, audit, dated);
        movements += view.lines.filter((line) => line.difference !== 0).length;
        break;
      }
      case 'reserve':
      case 'release':
      case 'consume': {
        const input = {
          referenceType: operation.document.type,
          referenceId: operation.document.id,
          lines: operation.lines.map((line) => ({
            locationId,
            partId: part(line.partNumber),
            quantity: line.quantity,
          })),
        };
        await recordReservation(tx, events, operation.kind, organizationId, input, audit, dated);
        movements += input.lines.length;
        break;
      }
      case 'thresholds': {
        const { minQuantity, reorderPoint, maxQuantity } = operation;
        const key = { locationId, partId: part(operation.partNumber) };
        const thresholds = { minQuantity, reorderPoint, maxQuantity };
        await recordThresholds(tx, events, organizationId, key, thresholds, audit);
        break;
      }
    }
  }
  return movements;
}
