import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Tx } from '../db/transaction.js';
import type { Db } from '../db/database.js';
import { domainEvents } from './domain-event.tables.js';
import { defineJob, type JobContext } from './job-definition.js';
import type { JobQueue } from './job-queue.js';

/**
 * Every domain event type and its payload. Modules add their own events by declaration merging:
 *
 * ```ts
 * declare module '../../platform/jobs/domain-events.js' {
 *   interface DomainEventMap { 'shipment.booked': { shipmentId: string; awb: string } }
 * }
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface DomainEventMap {}

export type DomainEventType = keyof DomainEventMap & string;

export interface DomainEventInput<T extends DomainEventType> {
  type: T;
  payload: DomainEventMap[T];
  aggregateType: string;
  aggregateId: string;
  organizationId?: string | null;
  requestId?: string | null;
  version?: number;
}

export interface StoredDomainEvent<T extends DomainEventType = DomainEventType> {
  id: string;
  position: number;
  type: T;
  version: number;
  payload: DomainEventMap[T];
  aggregateType: string;
  aggregateId: string;
  organizationId: string | null;
  requestId: string | null;
  occurredAt: Date;
}

/** A reaction to events, run as a durable job per event (at-least-once: make it idempotent). */
export interface EventSubscriber<T extends DomainEventType = DomainEventType> {
  /** Stable id, becomes the job name `event.<name>`. */
  readonly name: string;
  readonly eventTypes: readonly T[];
  readonly handle: (event: StoredDomainEvent<T>, context: JobContext) => Promise<void>;
}

const dispatchPayload = z.object({ eventId: z.uuid() });

/**
 * The outbox. `publish(tx, event)` writes the event row and one job per subscriber in the caller's
 * transaction, so emitters never know who listens and no event is lost or delivered for a
 * rolled-back change. Subscribers are registered once, in the composition root.
 */
export class EventBus {
  private readonly subscribers: EventSubscriber[] = [];

  constructor(
    private readonly queue: JobQueue,
    private readonly db: Db,
  ) {}

  subscribe<T extends DomainEventType>(subscriber: EventSubscriber<T>): void {
    const untyped = subscriber as unknown as EventSubscriber;
    this.subscribers.push(untyped);
    this.queue.define(
      defineJob({
        name: `event.${subscriber.name}`,
        payload: dispatchPayload,
        handler: async ({ eventId }, context) => {
          const event = await this.load(eventId);
          await untyped.handle(event, context);
        },
      }),
    );
  }

  async publish<T extends DomainEventType>(tx: Tx, input: DomainEventInput<T>): Promise<string> {
    const [row] = await tx.db
      .insert(domainEvents)
      .values({
        type: input.type,
        version: input.version ?? 1,
        payload: input.payload,
        aggregateType: input.aggregateType,
        aggregateId: input.aggregateId,
        organizationId: input.organizationId ?? null,
        requestId: input.requestId ?? null,
      })
      .returning({ id: domainEvents.id });
    if (!row) throw new Error('domain event insert returned nothing');
    for (const subscriber of this.subscribers) {
      if (!subscriber.eventTypes.includes(input.type)) continue;
      await this.queue.enqueue(tx, `event.${subscriber.name}`, { eventId: row.id });
    }
    return row.id;
  }

  private async load(eventId: string): Promise<StoredDomainEvent> {
    const [row] = await this.db.select().from(domainEvents).where(eq(domainEvents.id, eventId));
    if (!row) throw new Error(`domain event ${eventId} not found`);
    return { ...row, type: row.type as DomainEventType, payload: row.payload as never };
  }
}
