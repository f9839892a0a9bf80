import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { EventBus, type StoredDomainEvent } from '../../../src/platform/jobs/domain-events.js';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
// For its declaration merging: brings 'organization.created' into DomainEventMap.
import '../../../src/modules/identity/identity.events.js';
import { useTestDatabase } from '../../support/test-database.js';
import { createTestQueue, waitForJobState, waitUntil } from './jobs-test-kit.js';

const database = useTestDatabase();

describe('EventBus: the domain-event outbox', () => {
  let queue: JobQueue;
  let bus: EventBus;
  /** Every event the test subscriber was handed, in delivery order. */
  const received: StoredDomainEvent<'organization.created'>[] = [];

  beforeAll(async () => {
    queue = createTestQueue(database());
    bus = new EventBus(queue, database().db);
    bus.subscribe({
      name: 'test-recorder',
      eventTypes: ['organization.created'],
      handle: async (event) => {
        received.push(event);
      },
    });
    await queue.work();
  });

  afterAll(async () => {
    await queue?.stop();
  });

  const organizationCreated = (name: string) => {
    const organizationId = crypto.randomUUID();
    return {
      type: 'organization.created' as const,
      payload: { organizationId, type: 'distributor' as const, name },
      aggregateType: 'organization',
      aggregateId: organizationId,
      organizationId,
      requestId: `req-${name}`,
    };
  };

  async function eventRows(id: string) {
    const { rows } = await database().pool.query<{ type: string; payload: unknown }>(
      'select type, payload from domain_events where id = $1',
      [id],
    );
    return rows;
  }

  async function jobsFor(eventId: string) {
    const { rows } = await database().pool.query<{ id: string; name: string }>(
      `select id, name from pgboss.job where data->>'eventId' = $1`,
      [eventId],
    );
    return rows;
  }

  const deliveriesOf = (eventId: string) => received.filter((event) => event.id === eventId);

  it('stores a committed event and runs the subscriber once with the stored payload', async () => {
    const input = organizationCreated('Acme Spares');
    const eventId = await inTransaction(database().pool, (tx) => bus.publish(tx, input));

    expect(await eventRows(eventId)).toEqual([
      { type: 'organization.created', payload: input.payload },
    ]);
    const jobs = await jobsFor(eventId);
    expect(jobs).toEqual([{ id: expect.any(String), name: 'event.test-recorder' }]);
    await waitForJobState(database().pool, jobs[0]?.id ?? '', 'completed');

    expect(deliveriesOf(eventId)).toEqual([
      expect.objectContaining({
        id: eventId,
        type: 'organization.created',
        version: 1,
        payload: input.payload,
        aggregateType: 'organization',
        aggregateId: input.aggregateId,
        organizationId: input.organizationId,
        requestId: 'req-Acme Spares',
        position: expect.any(Number),
        occurredAt: expect.any(Date),
      }),
    ]);
  });

  it('neither stores nor delivers an event whose transaction rolls back', async () => {
    let rolledBackId = '';
    await expect(
      inTransaction(database().pool, async (tx) => {
        rolledBackId = await bus.publish(tx, organizationCreated('Ghost Traders'));
        throw new Error('registration rejected');
      }),
    ).rejects.toThrow('registration rejected');

    expect(rolledBackId).not.toBe('');
    expect(await eventRows(rolledBackId)).toEqual([]);
    expect(await jobsFor(rolledBackId)).toEqual([]);

    // A later committed event reaches the subscriber, so its worker has polled past the rollback.
    const sentinelId = await inTransaction(database().pool, (tx) =>
      bus.publish(tx, organizationCreated('Sentinel Motors')),
    );
    await waitUntil('the sentinel event is delivered', async () =>
      deliveriesOf(sentinelId).length > 0 ? true : undefined,
    );
    expect(deliveriesOf(rolledBackId)).toEqual([]);
  });

  it('stores an event nobody subscribes to without enqueueing any job', async () => {
    const organizationId = crypto.randomUUID();
    const userId = crypto.randomUUID();
    const eventId = await inTransaction(database().pool, (tx) =>
      bus.publish(tx, {
        type: 'membership.created',
        payload: { organizationId, userId, role: 'owner' },
        aggregateType: 'membership',
        aggregateId: `${organizationId}:${userId}`,
        organizationId,
      }),
    );

    expect(await eventRows(eventId)).toEqual([
      { type: 'membership.created', payload: { organizationId, userId, role: 'owner' } },
    ]);
    expect(await jobsFor(eventId)).toEqual([]);
  });
});
