import { beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { EventBus } from '../../../src/platform/jobs/domain-events.js';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import { isAppError } from '../../../src/platform/errors/app-error.js';
import { applyStockChanges } from '../../../src/modules/inventory/stock-ledger.js';
import { reserveStock } from '../../../src/modules/inventory/stock-reservation.service.js';
import { stockReconciliationRepository } from '../../../src/modules/inventory/stock-reconciliation.repository.js';
import { useTestDatabase } from '../../support/test-database.js';
import {
  insertLocation,
  insertOrganization,
  insertPart,
  withWidePool,
} from './inventory-fixtures.js';

const database = useTestDatabase();
// No subscribers: publish only writes the outbox row, the queue is never touched.
const events = () => new EventBus({} as JobQueue, database().db);

let organizationId: string;
let brandId: string;
let locations: string[];

beforeAll(async () => {
  const { pool } = database();
  organizationId = await insertOrganization(pool);
  brandId = await insertOrganization(pool, 'brand');
  locations = [
    await insertLocation(pool, organizationId),
    await insertLocation(pool, organizationId),
  ];
});

async function receive(locationId: string, partId: string, quantity: number): Promise<void> {
  await inTransaction(database().pool, (tx) =>
    applyStockChanges(tx, events(), [
      {
        organizationId,
        locationId,
        partId,
        kind: 'adjustment',
        reason: 'receipt',
        onHandDelta: quantity,
        actor: {},
      },
    ]),
  );
}

async function level(locationId: string, partId: string) {
  const { rows } = await database().pool.query<{ on_hand: number; reserved: number }>(
    'select on_hand, reserved from stock_levels where location_id = $1 and part_id = $2',
    [locationId, partId],
  );
  return rows[0];
}

describe('stock ledger under concurrency (real PostgreSQL)', () => {
  it('150 concurrent −1 adjustments on a level of 100: exactly 100 succeed, 50 INSUFFICIENT_STOCK, on hand 0', async () => {
    const location = locations[0] as string;
    const part = await insertPart(database().pool, brandId);
    await receive(location, part, 100);
    const outcomes = await withWidePool(database().url, (pool) =>
      Promise.allSettled(
        Array.from({ length: 150 }, () =>
          inTransaction(pool, (tx) =>
            applyStockChanges(tx, events(), [
              {
                organizationId,
                locationId: location,
                partId: part,
                kind: 'adjustment',
                reason: 'damage',
                onHandDelta: -1,
                actor: {},
              },
            ]),
          ),
        ),
      ),
    );
    const failures = outcomes.filter((o) => o.status === 'rejected');
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(100);
    expect(failures).toHaveLength(50);
    for (const failure of failures) {
      const reason = (failure as PromiseRejectedResult).reason as unknown;
      expect(isAppError(reason) && reason.code).toBe('INSUFFICIENT_STOCK');
    }
    expect(await level(location, part)).toEqual({ on_hand: 0, reserved: 0 });
  });

  it('1,000 concurrent multi-line reservations across 10 parts at 2 locations never oversell or deadlock', async () => {
    const parts = await Promise.all(
      Array.from({ length: 10 }, () => insertPart(database().pool, brandId)),
    );
    const stock = 100;
    for (const location of locations)
      for (const part of parts) await receive(location, part, stock);

    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const requests = Array.from({ length: 1000 }, (_, r) => {
      const lines = Array.from({ length: 1 + random(4) }, () => ({
        locationId: locations[random(2)] as string,
        partId: parts[random(10)] as string,
        quantity: 1 + random(3),
      }));
      // Every tenth request repeats its first line's part and location: the sum must be checked.
      if (r % 10 === 0) lines.push({ ...(lines[0] as (typeof lines)[number]) });
      return lines;
    });

    const outcomes = await withWidePool(database().url, (pool) =>
      Promise.allSettled(
        requests.map((lines, r) =>
          inTransaction(pool, (tx) =>
            reserveStock(tx, events(), {
              organizationId,
              document: { type: 'test', id: `r${r}` },
              actor: {},
              lines,
            }),
          ),
        ),
      ),
    );
    const unexpected = outcomes.filter(
      (o) =>
        o.status === 'rejected' &&
        !(isAppError(o.reason) && o.reason.code === 'INSUFFICIENT_STOCK'),
    );
    expect(unexpected.map((o) => String((o as PromiseRejectedResult).reason))).toEqual([]);

    const expectedReserved = new Map<string, number>();
    outcomes.forEach((outcome, r) => {
      if (outcome.status !== 'fulfilled') return;
      for (const line of requests[r] ?? []) {
        const key = `${line.locationId}/${line.partId}`;
        expectedReserved.set(key, (expectedReserved.get(key) ?? 0) + line.quantity);
      }
    });
    const succeeded = outcomes.filter((o) => o.status === 'fulfilled').length;
    // eslint-disable-next-line no-console -- the figure the issue asks to report
    console.info(
      `reservations: ${succeeded} of 1000 succeeded, ${1000 - succeeded} INSUFFICIENT_STOCK`,
    );
    expect(succeeded).toBeGreaterThan(0);
    expect(succeeded).toBeLessThan(1000);
    for (const location of locations) {
      for (const part of parts) {
        const row = await level(location, part);
        expect(row?.on_hand).toBe(stock);
        expect(row?.reserved).toBeLessThanOrEqual(stock);
        expect(row?.reserved).toBe(expectedReserved.get(`${location}/${part}`) ?? 0);
      }
    }
  });

  it('refuses a multi-line operation whose summed lines exceed availability, naming them, applying nothing', async () => {
    const location = locations[0] as string;
    const part = await insertPart(database().pool, brandId);
    const other = await insertPart(database().pool, brandId);
    await receive(location, part, 5);
    await receive(location, other, 5);
    const attempt = inTransaction(database().pool, (tx) =>
      reserveStock(tx, events(), {
        organizationId,
        document: { type: 'test', id: 'sum' },
        actor: {},
        lines: [
          { locationId: location, partId: other, quantity: 2 },
          { locationId: location, partId: part, quantity: 3 },
          { locationId: location, partId: part, quantity: 3 },
        ],
      }),
    );
    const figures = {
      locationId: location,
      partId: part,
      counter: 'available',
      onHand: 5,
      reserved: 0,
      inTransit: 0,
      available: 5,
      requested: 6,
    };
    await expect(attempt).rejects.toMatchObject({
      code: 'INSUFFICIENT_STOCK',
      errors: [
        { path: 'lines.1', message: expect.stringContaining('available would become -1') },
        { path: 'lines.2', message: expect.stringContaining('available would become -1') },
      ],
      extensions: {
        lines: [
          { line: 1, ...figures },
          { line: 2, ...figures },
        ],
      },
    });
    expect(await level(location, other)).toEqual({ on_hand: 5, reserved: 0 });
    const { rows } = await database().pool.query(
      "select 1 from stock_movements where reference_id = 'sum'",
    );
    expect(rows).toHaveLength(0);
  });

  it('afterwards the ledger sums equal the levels for every row', async () => {
    const result = await stockReconciliationRepository.compare(database().pool);
    expect(result.drift).toEqual([]);
    expect(result.checkedLevels).toBe(23);
  });

  it('the reconciler sees a level edited behind the ledger', async () => {
    const location = locations[1] as string;
    const part = await insertPart(database().pool, brandId);
    await receive(location, part, 5);
    await database().pool.query(
      'update stock_levels set on_hand = 7 where location_id = $1 and part_id = $2',
      [location, part],
    );
    const result = await stockReconciliationRepository.compare(database().pool);
    expect(result.drift).toEqual([
      {
        locationId: location,
        partId: part,
        onHand: 7,
        reserved: 0,
        inTransit: 0,
        ledgerOnHand: 5,
        ledgerReserved: 0,
        ledgerInTransit: 0,
      },
    ]);
  });
});
