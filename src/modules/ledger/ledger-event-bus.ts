import type { Tx } from '../../platform/db/transaction.js';
import { domainEvents } from '../../platform/jobs/domain-event.tables.js';
import type {
  DomainEventInput,
  DomainEventType,
  EventBus,
} from '../../platform/jobs/domain-events.js';

/**
 * The event bus the ledger publishes on. The ledger's public functions keep the signature other
 * modules build against (`creditTopUp(tx, input)`), so the bus is connected once by the
 * composition root (`connectLedgerEvents`). Until then an event is still written to the outbox
 * table in the posting's transaction — exactly what the bus writes when nobody subscribes — so
 * nothing is lost; only subscriber jobs need the bus.
 */
let connected: EventBus | undefined;

/** Connects the application's event bus (container.ts, once per process). */
export function connectLedgerEvents(events: EventBus): void {
  connected = events;
}

/** Publishes in the caller's transaction, through the connected bus when there is one. */
export async function publishLedgerEvent<T extends DomainEventType>(
  tx: Tx,
  input: DomainEventInput<T>,
): Promise<void> {
  if (connected) {
    await connected.publish(tx, input);
    return;
  }
  await tx.db.insert(domainEvents).values({
    type: input.type,
    version: input.version ?? 1,
    payload: input.payload,
    aggregateType: input.aggregateType,
    aggregateId: input.aggregateId,
    organizationId: input.organizationId ?? null,
    requestId: input.requestId ?? null,
  });
}
