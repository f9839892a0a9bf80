import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyAuditChains } from '../../../src/modules/audit/audit-verify.service.js';
import type { Db } from '../../../src/platform/db/database.js';
import { migrationsFolder, runMigrations } from '../../../src/platform/db/migrations.js';
import { endPool } from '../../../src/platform/db/pool.js';
import * as schema from '../../../src/platform/db/schema.js';
import { adminQuery, dropDatabase, withDatabase } from '../../support/test-database-server.js';
import {
  chainRows,
  newOrganizationId,
  recordCommitted,
  sampleEntry,
  withoutTrigger,
} from './audit-test-kit.js';

// A database as the previous release left it: every migration before the chain split, and audit
// entries written the way the previous `recordAudit` wrote them (one global chain under one
// advisory lock, hashed without chain or sequence). Then the split migration runs.
const splitTag = 'audit_chains_per_organization';
const { adminUrl } = inject('testDatabase');
const name = `t_${crypto.randomBytes(6).toString('hex')}`;
let pool: pg.Pool;
let db: Db;
let folder: string;
const legacyPositions: number[] = [];

/** The previous release's canonical JSON and row hash, kept here verbatim so the test pins them. */
function oldCanonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(oldCanonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${oldCanonical(child)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
const oldRowHash = (previousHash: string, content: unknown) =>
  crypto
    .createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(oldCanonical(content))
    .digest('hex');

/** The previous release's `recordAudit`, statement for statement. */
async function oldRecordAudit(organizationId: string | null, index: number): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    await client.query('select pg_advisory_xact_lock($1)', [724_310_002]);
    const { rows: last } = await client.query<{ hash: string }>(
      'select hash from audit_log order by position desc limit 1',
    );
    const previousHash = last[0]?.hash ?? '0'.repeat(64);
    const { rows: clock } = await client.query<{ now: Date }>('select clock_timestamp() as now');
    const content = {
      occurredAt: clock[0]!.now.toISOString(),
      actorUserId: null,
      actorApiKeyId: null,
      organizationId,
      action: 'legacy.changed',
      entityType: 'widget',
      entityId: `legacy-${index}`,
      before: null,
      after: { count: index, nested: { b: 2, a: [1, 'x'] } },
      requestId: `req-${index}`,
      ip: '127.0.0.1',
    };
    const { rows } = await client.query<{ position: string }>(
      `insert into audit_log (occurred_at, actor_user_id, actor_api_key_id, organization_id, action,
                              entity_type, entity_id, before, after, request_id, ip, previous_hash, hash)
       values ($1::timestamptz, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) returning position`,
      [
        content.occurredAt,
        null,
        null,
        organizationId,
        content.action,
        content.entityType,
        content.entityId,
        null,
        JSON.stringify(content.after),
        content.requestId,
        content.ip,
        previousHash,
        oldRowHash(previousHash, content),
      ],
    );
    await client.query('commit');
    legacyPositions.push(Number(rows[0]!.position));
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  // The committed migrations up to (not including) the split, in a folder of their own.
  const journal = JSON.parse(
    await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as { entries: { tag: string }[] };
  const split = journal.entries.findIndex((entry) => entry.tag.endsWith(splitTag));
  expect(split).toBeGreaterThan(0);
  folder = await fs.mkdtemp(path.join(os.tmpdir(), 'spareflow-old-migrations-'));
  await fs.mkdir(path.join(folder, 'meta'));
  const before = journal.entries.slice(0, split);
  await fs.writeFile(
    path.join(folder, 'meta', '_journal.json'),
    JSON.stringify({ ...journal, entries: before }),
  );
  for (const entry of before)
    await fs.copyFile(
      path.join(migrationsFolder, `${entry.tag}.sql`),
      path.join(folder, `${entry.tag}.sql`),
    );

  await adminQuery(adminUrl, `create database "${name}"`);
  pool = new pg.Pool({ connectionString: withDatabase(adminUrl, name), max: 6 });
  db = drizzle(pool, { schema }) as unknown as Db;
  const client = await pool.connect();
  try {
    await migrate(drizzle(client), { migrationsFolder: folder });
  } finally {
    client.release();
  }
  const organizations = [newOrganizationId(), newOrganizationId(), null];
  // Written concurrently, as the old code allowed: the advisory lock ordered them.
  await Promise.all(
    Array.from({ length: 12 }, (_, index) => oldRecordAudit(organizations[index % 3]!, index)),
  );
  await runMigrations(pool);
});

afterAll(async () => {
  if (pool) await endPool(pool);
  await dropDatabase(adminUrl, name);
  if (folder) await fs.rm(folder, { recursive: true, force: true });
});

describe('migrating the global audit chain to per-organization chains', () => {
  it('keeps the old entries verifiable as the frozen legacy chain, in position order, with a checkpoint of its head', async () => {
    const rows = await chainRows(pool, 'legacy');
    expect(rows.map((row) => row.position)).toEqual([...legacyPositions].sort((a, b) => a - b));
    expect(rows.map((row) => row.sequence)).toEqual(rows.map((_, index) => index + 1));
    expect(await verifyAuditChains(db)).toEqual({
      ok: true,
      entries: 12,
      chains: [
        {
          chain: 'legacy',
          entries: 12,
          last: { sequence: 12, position: rows[11]!.position, hash: rows[11]!.hash },
          broken: null,
        },
      ],
    });
    const { rows: checkpoints } = await pool.query(
      'select chain, sequence::int, hash, source from audit_checkpoints',
    );
    expect(checkpoints).toEqual([
      { chain: 'legacy', sequence: 12, hash: rows[11]!.hash, source: 'migration' },
    ]);
  });

  it('keeps verifying as new entries start their own chains after it', async () => {
    const organizationId = newOrganizationId();
    await recordCommitted(pool, [
      sampleEntry(1, { organizationId }),
      sampleEntry(2, { organizationId: null }),
      sampleEntry(3, { organizationId }),
    ]);
    const result = await verifyAuditChains(db);
    expect(result.ok).toBe(true);
    expect(result.chains.map((chain) => [chain.chain, chain.entries])).toEqual([
      ['legacy', 12],
      ['platform', 1],
      [`org:${organizationId}`, 2],
    ]);
    const first = (await chainRows(pool, `org:${organizationId}`))[0]!;
    expect([first.sequence, first.previousHash]).toEqual([1, '0'.repeat(64)]);
    expect(first.position).toBeGreaterThan(Math.max(...legacyPositions));
  });

  it('detects a deleted legacy tail through the checkpoint the migration recorded', async () => {
    const rows = await chainRows(pool, 'legacy');
    await withoutTrigger(
      pool,
      `delete from audit_log where position = ${rows[11]!.position};
       delete from audit_chain_heads where chain = 'legacy'`,
    );
    const result = await verifyAuditChains(db);
    expect(result.ok).toBe(false);
    expect(result.chains[0]).toMatchObject({
      chain: 'legacy',
      entries: 11,
      broken: {
        sequence: 12,
        position: null,
        reason: 'tail missing after checkpoint',
        checkpoint: { sequence: 12, source: 'migration' },
      },
    });
    expect(result.chains.slice(1).every((chain) => chain.broken === null)).toBe(true);
  });
});
