import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyPassword } from '../../src/modules/identity/password-hasher.js';
import { describeUrl } from '../../src/platform/db/database.js';
import { migrationsFolder } from '../../src/platform/db/migrations.js';
import { makeTempRoot, removeTempRoot, runSpareflow } from '../support/spareflow-process.js';
import { adminQuery, dropDatabase, withDatabase } from '../support/test-database-server.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// One-shot commands against the machine's test PostgreSQL (DATABASE_URL), one fresh database each.
let root: string;
const databases: TestDatabase[] = [];
const freshDatabase = async () => {
  const database = await createTestDatabase();
  databases.push(database);
  return database;
};
const env = (databaseUrl: string, extra: Record<string, string> = {}) => ({
  DATABASE_URL: databaseUrl,
  SPAREFLOW_DATA_DIR: path.join(root, 'data'),
  LOG_LEVEL: 'warn',
  ...extra,
});
// The owners' logins the seed prints; 19 accounts in all (team members in other roles).
const demoLogins = [
  'admin@demo.spareflow.in',
  'brand@demo.spareflow.in',
  'distributor@demo.spareflow.in',
  'service@demo.spareflow.in',
  'customer@demo.spareflow.in',
];
const demoAccounts = 19;

beforeAll(async () => {
  root = await makeTempRoot('cli');
});

afterAll(async () => {
  await Promise.all(databases.map((database) => database.drop()));
  await removeTempRoot(root);
});

describe('spareflow migrate', () => {
  it('applies every committed migration to an empty database, then none on a second run', async () => {
    const journal = JSON.parse(
      await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
    ) as { entries: unknown[] };
    const total = journal.entries.length;
    const { adminUrl } = inject('testDatabase');
    const name = `t_migrate_${crypto.randomBytes(6).toString('hex')}`;
    await adminQuery(adminUrl, `create database "${name}"`);
    try {
      const url = withDatabase(adminUrl, name);
      const first = await runSpareflow(['migrate'], env(url));
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(
        `Applied ${total} migration(s); ${total}/${total} applied on ${describeUrl(url)}.`,
      );
      const second = await runSpareflow(['migrate'], env(url));
      expect(second.code).toBe(0);
      expect(second.stdout).toContain(`Applied 0 migration(s); ${total}/${total} applied`);
    } finally {
      await dropDatabase(adminUrl, name);
    }
  });
});

describe('spareflow admin create', () => {
  let database: TestDatabase;
  const email = 'asha.admin@example.in';
  const admin = (address: string, password: string) =>
    runSpareflow(
      ['admin', 'create', '--email', address, '--name', 'Asha Admin'],
      env(database.url),
      { input: `${password}\n` },
    );
  const usersNamed = async (address: string) =>
    (
      await database.pool.query<{ type: string; role: string; password_hash: string }>(
        `select o.type, m.role, u.password_hash from users u
           join memberships m on m.user_id = u.id
           join organizations o on o.id = m.organization_id
          where lower(u.email) = lower($1)`,
        [address],
      )
    ).rows;

  beforeAll(async () => {
    database = await freshDatabase();
  });

  it('creates a platform administrator with the password read from stdin', async () => {
    const result = await admin(email, 'correct horse battery');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `Platform administrator ${email} created in SpareFlow Platform`,
    );
    const rows = await usersNamed(email);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'platform', role: 'owner' });
    expect(rows[0]?.password_hash).toMatch(/^\$2b\$12\$/);
    expect(await verifyPassword('correct horse battery', rows[0]?.password_hash ?? '')).toBe(true);
  });

  it('refuses a second administrator with the same e-mail (in any case), plainly', async () => {
    const result = await admin('Asha.Admin@Example.IN', 'another long password');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Could not create the administrator');
    expect(result.stderr).toContain('Asha.Admin@Example.IN already exists');
    expect(await usersNamed(email)).toHaveLength(1);
  });

  it('refuses a too-short password, naming the field', async () => {
    const result = await admin('ravi.admin@example.in', 'short');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/password: must be at least 10 characters/);
    expect(await usersNamed('ravi.admin@example.in')).toEqual([]);
  });
});

describe('spareflow seed --demo', () => {
  const demoUsers = async (database: TestDatabase) =>
    Number(
      (
        await database.pool.query<{ count: string }>(
          `select count(*)::text as count from users where email like '%@demo.spareflow.in'`,
        )
      ).rows[0]?.count,
    );

  it('creates the demo world once; a second run creates nothing', async () => {
    const database = await freshDatabase();
    const first = await runSpareflow(['seed', '--demo'], env(database.url));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      new RegExp(
        `Demo world ready \\(${demoAccounts} new login\\(s\\); \\d+ parts, 10 locations, \\d+ stock movements over 90 days, in \\d+ ms\\)`,
      ),
    );
    for (const login of demoLogins) expect(first.stdout).toContain(login);
    // Not a terminal: the password file is named, the password itself is not printed.
    const passwordFile = path.join(root, 'data', 'demo-password');
    const password = (await fs.readFile(passwordFile, 'utf8')).trim();
    expect(first.stdout).toContain(`in ${passwordFile} (shown only in a terminal)`);
    expect(first.stdout).not.toContain(password);
    const second = await runSpareflow(['seed', '--demo'], env(database.url));
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Demo world ready (0 new login(s)).');
    expect(await demoUsers(database)).toBe(demoAccounts);
    // Demo addresses receive no mail: they start verified, so no reminder stands in the way.
    const { rows: unverified } = await database.pool.query(
      `select email from users where email like '%@demo.spareflow.in' and email_verified_at is null`,
    );
    expect(unverified).toEqual([]);
    // The brand's network: its distributor and three service centres are active partners, and
    // every organization has its locations — once, however often the seed runs.
    const { rows: links } = await database.pool.query<{ partner_type: string; count: string }>(
      `select l.partner_type, count(*)::text as count from partner_links l
         join organizations b on b.id = l.brand_id
        where b.name like '%(demo)' and l.status = 'active' group by 1 order by 1`,
    );
    expect(links).toEqual([
      { partner_type: 'distributor', count: '1' },
      { partner_type: 'service_center', count: '3' },
    ]);
    const { rows: places } = await database.pool.query<{ type: string; count: string }>(
      `select o.type, count(*)::text as count from locations l
         join organizations o on o.id = l.organization_id group by o.type order by 1`,
    );
    expect(places).toEqual([
      { type: 'brand', count: '4' },
      { type: 'customer', count: '1' },
      { type: 'distributor', count: '2' },
      { type: 'service_center', count: '3' },
    ]);
  });

  it('refuses when NODE_ENV=production', async () => {
    const database = await freshDatabase();
    const production = {
      NODE_ENV: 'production',
      JWT_SECRET: crypto.randomBytes(32).toString('hex'),
      APP_URL: 'https://spareflow.example',
      // Production refuses sandbox integrations otherwise; this test is about the seed refusal.
      ALLOW_SANDBOX_IN_PRODUCTION: 'true',
    };
    const result = await runSpareflow(['seed', '--demo'], env(database.url, production));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Refusing to seed demo data when NODE_ENV=production');
    expect(await demoUsers(database)).toBe(0);
  });
});

describe('spareflow jobs failed', () => {
  it('says so when no job has failed', async () => {
    const database = await freshDatabase();
    const result = await runSpareflow(['jobs', 'failed'], env(database.url));
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toBe('No failed jobs.');
  });
});
