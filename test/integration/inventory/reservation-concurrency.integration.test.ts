import { beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { isAppError } from '../../../src/platform/errors/app-error.js';
import {
  consumeStock,
  releaseStock,
  reserveStock,
  transferReservation,
} from '../../../src/modules/inventory/stock-reservation.service.js';
import { reservationReconciliationRepository } from '../../../src/modules/inventory/reservation-reconciliation.repository.js';
import { stockReconciliationRepository } from '../../../src/modules/inventory/stock-reconciliation.repository.js';
import { useTestDatabase } from '../../support/test-database.js';
import {
  insertLocation,
  insertOrganization,
  insertPart,
  withWidePool,
} from './inventory-fixtures.js';
import { quietEvents, receiveStock } from './reservation-test-kit.js';

const database = useTestDatabase();

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

const expectedRefusals = new Set(['INSUFFICIENT_STOCK', 'RESERVATION_EXCEEDED']);
function unexpected(outcomes: PromiseSettledResult<unknown>[]): string[] {
  return outcomes
    .filter(
      (o): o is PromiseRejectedResult =>
        o.status === 'rejected' && !(isAppError(o.reason) && expectedRefusals.has(o.reason.code)),
    )
    .map((o) => String(o.reason));
}

async function levelsOf(partIds: string[]) {
  const { rows } = await database().pool.query<{
    location_id: string;
    part_id: string;
    on_hand: number;
    reserved: number;
  }>('select location_id, part_id, on_hand, reserved from stock_levels where part_id = any($1)', [
    partIds,
  ]);
  return new Map(rows.map((row) => [`${row.location_id}/${row.part_id}`, row]));
}

describe('document-bound reservations under concurrency (real PostgreSQL)', () => {
  it('800 concurrent reserve / release / consume / handover across 8 documents never oversell; holdings equal their movements', async () => {
    const { pool, db } = database();
    const parts = await Promise.all(Array.from({ length: 4 }, () => insertPart(pool, brandId)));
    const stock = 20;
    for (const location of locations)
      for (const part of parts) await receiveStock(pool, db, organizationId, location, part, stock);

    let seed = 7;
    // The high bits of the LCG: its low bits cycle (seed % 2 alternates).
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return Math.floor((seed / 2 ** 31) * n);
    };
    const documents = Array.from({ length: 8 }, (_, i) => ({ type: 'erp_order', id: `D${i}` }));
    // Every document starts holding 2 of every level (16 of each 20), so releases, consumptions
    // and handovers have something to take from the first moment, whatever the interleaving.
    for (const document of documents)
      await inTransaction(pool, (tx) =>
        reserveStock(tx, quietEvents(db), {
          organizationId,
          document,
          actor: {},
          lines: locations.flatMap((locationId) =>
            parts.map((partId) => ({ locationId, partId, quantity: 2 })),
          ),
        }),
      );
    const line = () => ({
      locationId: locations[random(2)] as string,
      partId: parts[random(4)] as string,
      quantity: 1 + random(3),
    });
    const operations = Array.from({ length: 800 }, () => {
      const kind = (['reserve', 'reserve', 'release', 'consume', 'handover'] as const)[random(5)];
      const document = documents[random(8)] as (typeof documents)[number];
      const lines = Array.from({ length: 1 + random(2) }, line);
      const to = documents[(documents.indexOf(document) + 1 + random(7)) % 8] as typeof document;
      return { kind, document, lines, to, whole: random(2) === 0 };
    });

    const outcomes = await withWidePool(database().url, (wide) =>
      Promise.allSettled(
        operations.map((op) =>
          inTransaction(wide, (tx) => {
            const common = { organizationId, actor: {}, lines: op.lines };
            const events = quietEvents(db);
            if (op.kind === 'reserve')
              return reserveStock(tx, events, { ...common, document: op.document });
            if (op.kind === 'release')
              return releaseStock(tx, events, { ...common, document: op.document });
            if (op.kind === 'consume')
              return consumeStock(tx, events, { ...common, document: op.document });
            return transferReservation(tx, events, {
              organizationId,
              from: op.document,
              to: op.to,
              actor: {},
              ...(op.whole ? {} : { lines: op.lines }),
            });
          }),
        ),
      ),
    );
    expect(unexpected(outcomes)).toEqual([]);
    const succeeded = (kind: string) =>
      operations.filter((op, i) => op.kind === kind && outcomes[i]?.status === 'fulfilled').length;
    // Every kind happened, and some were refused: the run really contended.
    const counts = Object.fromEntries(
      ['reserve', 'release', 'consume', 'handover'].map((kind) => [kind, succeeded(kind)]),
    );
    // eslint-disable-next-line no-console -- the figures show the run contended
    console.info('reservation storm, committed per kind:', counts);
    for (const kind of Object.keys(counts)) expect(counts[kind]).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.status === 'rejected').length).toBeGreaterThan(0);

    // On hand left exactly by the consumptions that committed; reserved never above on hand.
    const consumed = new Map<string, number>();
    operations.forEach((op, i) => {
      if (op.kind !== 'consume' || outcomes[i]?.status !== 'fulfilled') return;
      for (const l of op.lines) {
        const key = `${l.locationId}/${l.partId}`;
        consumed.set(key, (consumed.get(key) ?? 0) + l.quantity);
      }
    });
    const levels = await levelsOf(parts);
    for (const [key, level] of levels) {
      expect(level.on_hand).toBe(stock - (consumed.get(key) ?? 0));
      expect(level.reserved).toBeLessThanOrEqual(level.on_hand);
    }
    expect((await stockReconciliationRepository.compare(pool)).drift).toEqual([]);
    expect((await reservationReconciliationRepository.compare(pool)).drift).toEqual([]);
  });

  it('stock handed back and forth between two documents is never available to a third', async () => {
    const { pool, db } = database();
    const part = await insertPart(pool, brandId);
    const location = locations[0] as string;
    await receiveStock(pool, db, organizationId, location, part, 5);
    const x = { type: 'erp_order', id: 'X' };
    const y = { type: 'erp_order', id: 'Y' };
    await inTransaction(pool, (tx) =>
      reserveStock(tx, quietEvents(db), {
        organizationId,
        document: x,
        actor: {},
        lines: [{ locationId: location, partId: part, quantity: 5 }],
      }),
    );
    const attempts = Array.from({ length: 120 }, (_, i) => i);
    const outcomes = await withWidePool(database().url, (wide) =>
      Promise.allSettled(
        attempts.map((i) =>
          inTransaction(wide, (tx) =>
            i % 3 === 2
              ? reserveStock(tx, quietEvents(db), {
                  organizationId,
                  document: { type: 'erp_order', id: `Z${i}` },
                  actor: {},
                  lines: [{ locationId: location, partId: part, quantity: 1 }],
                })
              : transferReservation(tx, quietEvents(db), {
                  organizationId,
                  from: i % 3 === 0 ? x : y,
                  to: i % 3 === 0 ? y : x,
                  actor: {},
                }),
          ),
        ),
      ),
    );
    expect(unexpected(outcomes)).toEqual([]);
    const thirdParty = outcomes.filter((_, i) => i % 3 === 2);
    expect(
      thirdParty.every((o) => o.status === 'rejected' && o.reason.code === 'INSUFFICIENT_STOCK'),
    ).toBe(true);
    expect(
      outcomes.filter((o, i) => i % 3 !== 2 && o.status === 'fulfilled').length,
    ).toBeGreaterThan(0);
    const level = (await levelsOf([part])).get(`${location}/${part}`);
    expect(level).toMatchObject({ on_hand: 5, reserved: 5 });
    expect((await reservationReconciliationRepository.compare(pool)).drift).toEqual([]);
  });
});
