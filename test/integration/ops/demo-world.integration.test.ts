import { describe, expect, it } from 'vitest';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import { EventBus } from '../../../src/platform/jobs/domain-events.js';
import { isDemoWorldSeeded, seedDemoWorld } from '../../../src/modules/ops/index.js';
import { useTestDatabase } from '../../support/test-database.js';

const database = useTestDatabase();

/**
 * The demo world is seeded through the public services of identity, locations and network (no
 * other module's repositories): what it creates, in one transaction, and that seeding again adds
 * nothing and restores the demo partnerships.
 */
describe('the demo world', () => {
  const deps = () => {
    const { pool, db } = database();
    return { pool, db, events: new EventBus({} as JobQueue, db), isProduction: false };
  };
  const count = async (sql: string) =>
    Number((await database().pool.query<{ n: string }>(sql)).rows[0]?.n);

  it('creates verified logins, one location per stock holder and active partner links, once', async () => {
    expect(await isDemoWorldSeeded(deps())).toBe(false);
    const first = await seedDemoWorld(deps(), 'demo-password-1');
    expect(first.created).toBe(4);
    expect(first.logins.map((login) => login.email)).toEqual([
      'admin@demo.spareflow.in',
      'brand@demo.spareflow.in',
      'distributor@demo.spareflow.in',
      'service@demo.spareflow.in',
    ]);
    expect(await isDemoWorldSeeded(deps())).toBe(true);
    expect(
      await count(
        "select count(*) as n from users where email like '%@demo.spareflow.in' and email_verified_at is not null",
      ),
    ).toBe(4);
    const { rows: locations } = await database().pool.query<{ type: string; n: string }>(
      `select o.type, count(l.id) as n from organizations o left join locations l on l.organization_id = o.id
        group by o.type order by o.type`,
    );
    expect(locations.map(({ type, n }) => [type, Number(n)])).toEqual([
      ['brand', 1],
      ['distributor', 1],
      ['platform', 0],
      ['service_center', 1],
    ]);
    const { rows: links } = await database().pool.query<{ partner_type: string; status: string }>(
      'select partner_type, status from partner_links order by partner_type',
    );
    expect(links).toEqual([
      { partner_type: 'distributor', status: 'active' },
      { partner_type: 'service_center', status: 'active' },
    ]);

    // Seeding again creates nothing, and a demo partnership someone suspended is active again.
    await database().pool.query(
      "update partner_links set status = 'suspended' where partner_type = 'distributor'",
    );
    const second = await seedDemoWorld(deps(), 'demo-password-2');
    expect(second.created).toBe(0);
    expect(await count('select count(*) as n from users')).toBe(4);
    expect(await count('select count(*) as n from locations')).toBe(3);
    expect(await count("select count(*) as n from partner_links where status = 'active'")).toBe(2);
  });

  it('is refused in production', async () => {
    await expect(seedDemoWorld({ ...deps(), isProduction: true }, 'x')).rejects.toThrow(
      'never seeded',
    );
  });
});
