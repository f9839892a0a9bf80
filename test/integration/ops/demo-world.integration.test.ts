import { afterAll, describe, expect, it } from 'vitest';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import { EventBus } from '../../../src/platform/jobs/domain-events.js';
import { verifyAuditChains } from '../../../src/modules/audit/index.js';
import { stockReconciliationRepository } from '../../../src/modules/inventory/stock-reconciliation.repository.js';
import { reservationReconciliationRepository } from '../../../src/modules/inventory/reservation-reconciliation.repository.js';
import { isDemoWorldSeeded, seedDemoWorld } from '../../../src/modules/ops/index.js';
import {
  createTestDatabase,
  useTestDatabase,
  type TestDatabase,
} from '../../support/test-database.js';

const database = useTestDatabase();
const now = new Date('2026-12-07T09:15:00.000Z'); // 14:45 IST
const dayMs = 24 * 60 * 60 * 1000;
const historyStart = new Date('2026-09-07T18:30:00.000Z'); // midnight IST, 90 days before today

const depsOf = ({ pool, db }: TestDatabase) => ({
  pool,
  db,
  events: new EventBus({} as JobQueue, db),
  isProduction: false,
});
const rows = async <T extends object>(db: TestDatabase, sql: string) =>
  (await db.pool.query<T>(sql)).rows;
const count = async (db: TestDatabase, sql: string) =>
  Number((await rows<{ n: string }>(db, sql))[0]?.n);

/** Everything a seed writes, as counts: a second seed must leave every one of them unchanged. */
const footprint = (db: TestDatabase) =>
  Promise.all(
    [
      'users',
      'organizations',
      'memberships',
      'locations',
      'partner_links',
      'parts',
      'part_substitutes',
      'stock_levels',
      'stock_movements',
      'stock_transfers',
      'stock_counts',
      'stock_reservations',
      'audit_log',
      'domain_events',
    ].map(async (table) => [table, await count(db, `select count(*) as n from ${table}`)]),
  );

/**
 * The demo world as a person sees it, without ids: catalog and ledger, oldest first (the lines of
 * one operation by location and part: their order within it follows random part ids).
 */
const worldWithoutIds = (db: TestDatabase) =>
  Promise.all([
    rows(
      db,
      `select part_number, name, category, hsn_code, gst_rate_basis_points, unit_price_paise::text,
              mrp_paise::text, status, compatible_models from parts order by part_number`,
    ),
    rows(
      db,
      `select l.name as location, p.part_number, m.kind, m.on_hand_delta, m.reserved_delta,
              m.in_transit_delta, m.reason, m.unit_cost_paise::text, m.reference_type,
              m.created_at, u.email as actor
         from stock_movements m join locations l on l.id = m.location_id
         join parts p on p.id = m.part_id left join users u on u.id = m.actor_user_id
        order by m.created_at, location, p.part_number, m.kind`,
    ),
  ]);

/**
 * The demo world is seeded through the public services of identity, locations, network, catalog
 * and inventory, in one transaction: what it creates, that its stock levels equal their ledger,
 * that two empty databases get the same world, and that seeding again adds nothing.
 */
describe('the demo world', () => {
  const others: TestDatabase[] = [];
  afterAll(async () => {
    await Promise.all(others.map((other) => other.drop()));
  });

  it('is a network of seven organizations in several states, with logins in every role', async () => {
    const db = database();
    expect(await isDemoWorldSeeded(db)).toBe(false);
    const seed = await seedDemoWorld(depsOf(db), 'demo-password-1', { now });
    expect(await isDemoWorldSeeded(db)).toBe(true);
    expect(seed.created).toBe(19);
    expect(seed.logins.slice(0, 2).map((login) => login.email)).toEqual([
      'admin@demo.spareflow.in',
      'brand@demo.spareflow.in',
    ]);
    expect(new Set(seed.logins.map((login) => login.role))).toEqual(
      new Set(['owner', 'admin', 'manager', 'operator', 'viewer']),
    );
    expect(
      await count(
        db,
        "select count(*) as n from users where email like '%@demo.spareflow.in' and email_verified_at is not null",
      ),
    ).toBe(19);
    const places = await rows<{ type: string; states: string[] }>(
      db,
      `select o.type, array_agg(distinct l.state order by l.state) as states
         from organizations o join locations l on l.organization_id = o.id
        group by o.type order by o.type`,
    );
    expect(places).toEqual([
      { type: 'brand', states: ['Assam', 'Delhi', 'Karnataka', 'Maharashtra'] },
      { type: 'customer', states: ['Kerala'] },
      { type: 'distributor', states: ['Maharashtra', 'Telangana'] },
      { type: 'service_center', states: ['Maharashtra', 'Rajasthan', 'Tamil Nadu'] },
    ]);
    expect(
      await rows(db, 'select partner_type, status from partner_links order by partner_type'),
    ).toEqual([
      { partner_type: 'distributor', status: 'active' },
      ...Array(3).fill({ partner_type: 'service_center', status: 'active' }),
    ]);
  });

  it('has a catalog with supersessions and substitutes, and 90 days of stock at every stockist', async () => {
    const db = database();
    expect(await count(db, 'select count(*) as n from parts')).toBeGreaterThanOrEqual(300);
    expect(
      await count(db, 'select count(*) as n from parts where superseded_by_part_id is not null'),
    ).toBeGreaterThanOrEqual(10);
    expect(await count(db, 'select count(*) as n from part_substitutes')).toBeGreaterThan(0);
    const stockists = await rows<{ type: string; n: string }>(
      db,
      `select o.type, count(distinct s.location_id)::text as n from stock_levels s
         join organizations o on o.id = s.organization_id where s.on_hand > 0
        group by o.type order by o.type`,
    );
    expect(stockists).toEqual([
      { type: 'brand', n: '4' },
      { type: 'distributor', n: '2' },
      { type: 'service_center', n: '3' },
    ]);
    const movements = await rows<{ kind: string; reason: string | null }>(
      db,
      'select distinct kind, reason from stock_movements order by kind, reason',
    );
    expect(movements.map(({ kind, reason }) => `${kind}${reason ? `:${reason}` : ''}`)).toEqual([
      'adjustment:damage',
      'adjustment:loss',
      'adjustment:receipt',
      'adjustment:return_restock',
      'consumption',
      'count:count_correction',
      'release',
      'reservation',
      'transfer_in_transit',
      'transfer_out',
      'transfer_receipt',
    ]);
    const [dates] = await rows<{ first: Date; last: Date; days: string }>(
      db,
      `select min(created_at) as first, max(created_at) as last,
              count(distinct date_trunc('day', created_at at time zone 'Asia/Kolkata')) as days
         from stock_movements`,
    );
    expect(dates?.first.getTime()).toBeGreaterThanOrEqual(historyStart.getTime());
    expect(dates?.last.getTime()).toBeLessThan(historyStart.getTime() + 90 * dayMs);
    expect(Number(dates?.days)).toBeGreaterThan(80);
    // Receipts carry costs, so stock has a value; some levels are at or below their reorder point.
    expect(
      await count(
        db,
        'select count(*) as n from stock_levels where on_hand > 0 and average_cost_paise = 0',
      ),
    ).toBe(0);
    expect(
      await count(
        db,
        'select count(*) as n from stock_levels where reorder_point is not null and on_hand - reserved <= reorder_point',
      ),
    ).toBeGreaterThan(0);
    expect(
      await count(db, 'select count(*) as n from stock_levels where reserved > 0'),
    ).toBeGreaterThan(0);
    expect(
      await count(db, 'select count(*) as n from stock_levels where in_transit > 0'),
    ).toBeGreaterThan(0);
  });

  it('keeps every level equal to its ledger and an intact audit trail of named people', async () => {
    const db = database();
    const levels = await stockReconciliationRepository.compare(db.pool);
    expect(levels.checkedLevels).toBeGreaterThan(500);
    expect(levels.drift).toEqual([]);
    expect((await reservationReconciliationRepository.compare(db.pool)).drift).toEqual([]);
    const audit = await verifyAuditChains(db.db);
    expect(audit.ok).toBe(true);
    const actors = await rows<{ name: string }>(
      db,
      `select distinct u.name from audit_log a join users u on u.id = a.actor_user_id
        where a.request_id = 'demo-world' order by u.name`,
    );
    expect(actors.length).toBeGreaterThanOrEqual(8);
    expect(actors.map((actor) => actor.name)).toContain('Imran Shaikh');
  });

  it('adds nothing when seeded again, and makes a suspended demo partnership active again', async () => {
    const db = database();
    await db.pool.query(
      "update partner_links set status = 'suspended' where partner_type = 'distributor'",
    );
    const before = await footprint(db);
    const again = await seedDemoWorld(depsOf(db), 'demo-password-2', { now: new Date() });
    expect(again.created).toBe(0);
    expect(again.history).toBeUndefined();
    expect(await footprint(db)).toEqual(before);
    expect(await count(db, "select count(*) as n from partner_links where status = 'active'")).toBe(
      4,
    );
  });

  it('is the same world in another empty database: part numbers, prices and the ledger', async () => {
    const other = await createTestDatabase();
    others.push(other);
    await seedDemoWorld(depsOf(other), 'another-password', { now });
    const [theirs, ours] = await Promise.all([worldWithoutIds(other), worldWithoutIds(database())]);
    expect(theirs[0].length).toBeGreaterThanOrEqual(300);
    expect(theirs).toEqual(ours);
  });

  it('is refused in production', async () => {
    await expect(seedDemoWorld({ ...depsOf(database()), isProduction: true }, 'x')).rejects.toThrow(
      'never seeded',
    );
  });
});
