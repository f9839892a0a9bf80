import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/modules/audit/audit.service.js';
import type { AuditAction } from '../../src/modules/audit/audit-vocabulary.js';
import type { Db } from '../../src/platform/db/database.js';
import * as schema from '../../src/platform/db/schema.js';
import { makeTempRoot, removeTempRoot, runSpareflow } from '../support/spareflow-process.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

// `spareflow audit verify` against the machine's test PostgreSQL (DATABASE_URL), one database.
let root: string;
let database: TestDatabase;
// A plain client rather than the database's pool: `client.end()` waits until the connection is
// closed, so dropping the database (WITH FORCE) never terminates a connection still closing.
let client: pg.Client;
const organizationA = crypto.randomUUID();
const organizationB = crypto.randomUUID();
const verify = (...options: string[]) =>
  runSpareflow(['audit', 'verify', ...options], {
    DATABASE_URL: database.url,
    SPAREFLOW_DATA_DIR: path.join(root, 'data'),
    LOG_LEVEL: 'warn',
  });
/** Runs statements with the audit tables' triggers off, as a superuser tampering with them could. */
const tamper = async (statements: Array<[string, unknown[]]>) => {
  const tables = ['audit_log', 'audit_chain_heads', 'audit_checkpoints'];
  for (const table of tables) await client.query(`alter table ${table} disable trigger user`);
  for (const [statement, values] of statements) await client.query(statement, values);
  for (const table of tables) await client.query(`alter table ${table} enable trigger user`);
};
const entriesOf = async (organizationId: string) =>
  (
    await client.query<{ position: string; sequence: string; hash: string }>(
      `select position, sequence, hash from audit_log where organization_id = $1 order by sequence`,
      [organizationId],
    )
  ).rows;

beforeAll(async () => {
  root = await makeTempRoot('audit');
  database = await createTestDatabase();
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  // recordAudit takes a transaction; a plain client in `begin … commit` is one.
  const tx = {
    client: client as pg.PoolClient,
    db: drizzle(client, { schema }) as unknown as Db,
  };
  for (const organizationId of [organizationA, organizationB, null]) {
    await client.query('begin');
    for (let index = 0; index < 4; index += 1)
      await recordAudit(tx, {
        actor: { userId: null },
        organizationId,
        action: 'test.changed' as AuditAction,
        entityType: 'widget',
        entityId: `widget-${index}`,
        after: { index },
      });
    await client.query('commit');
  }
});

afterAll(async () => {
  await client.end();
  await database.drop();
  await removeTempRoot(root);
});

describe('spareflow audit verify', () => {
  it('exits 0, counts the entries of an intact log and checkpoints its chains', async () => {
    const result = await verify();
    expect(result.stdout).toContain('Audit log intact: 12 entries verified.');
    expect(result.stdout).toContain(
      '3 chains (platform 4 entries, 2 organizations 8 entries); checkpointed 3 chains.',
    );
    expect(result.code).toBe(0);
    const again = await verify();
    expect(again.stdout).toContain('checkpointed 0 chains.');
    expect(again.code).toBe(0);
  });

  it('exits 1 naming, per chain, the entry changed behind the trigger and the tail deleted after a checkpoint', async () => {
    const a = await entriesOf(organizationA);
    const b = await entriesOf(organizationB);
    await tamper([
      [`update audit_log set after = '{"index": 42}' where position = $1`, [a[1]?.position]],
      // B's newest two entries deleted, and its head moved back to what is left.
      ['delete from audit_log where position in ($1, $2)', [b[2]?.position, b[3]?.position]],
      [
        'update audit_chain_heads set sequence = 2, hash = $1 where chain = $2',
        [b[1]?.hash, `org:${organizationB}`],
      ],
    ]);
    const result = await verify();
    expect(result.stdout).toContain('Audit log TAMPERED: 2 of 3 chains broken');
    expect(result.stdout).toContain(
      `  chain org:${organizationA}: entry #${a[1]?.position} (sequence 2): content changed\n`,
    );
    expect(result.stdout).toMatch(
      new RegExp(
        `  chain org:${organizationB}: sequence 3 \\(no longer in the log\\): tail missing after checkpoint \\(verify checkpoint of \\S+ records sequence 4\\)`,
      ),
    );
    expect(result.stdout).not.toContain('chain platform:');
    expect(result.stdout).toContain('1 chain intact; checkpointed 0 chains.');
    expect(result.code).toBe(1);
  });

  it('checks the checkpoints of an application log given with --witness', async () => {
    const platform = await client.query<{ hash: string }>(
      "select hash from audit_log where chain = 'platform' and sequence = 4",
    );
    const log = path.join(root, 'spareflow.log');
    await fs.writeFile(
      log,
      [
        '{"level":"info","msg":"job done"}',
        JSON.stringify({
          level: 'info',
          time: '2026-12-01T00:10:00.000Z',
          auditCheckpoint: { chain: 'platform', sequence: 4, entryHash: platform.rows[0]?.hash },
          msg: 'audit chain checkpoint',
        }),
        JSON.stringify({
          level: 'info',
          time: '2026-12-02T00:10:00.000Z',
          auditCheckpoint: { chain: 'platform', sequence: 5, entryHash: 'f'.repeat(64) },
          msg: 'audit chain checkpoint',
        }),
      ].join('\n'),
    );
    const result = await verify('--witness', log);
    expect(result.stdout).toContain('Audit log TAMPERED: 3 of 3 chains broken');
    expect(result.stdout).toContain(
      '  chain platform: sequence 5 (no longer in the log): tail missing after checkpoint (logged checkpoint of 2026-12-02T00:10:00.000Z records sequence 5)',
    );
    expect(result.stdout).toContain(`Checked against 2 checkpoints logged in ${log}.`);
    expect(result.code).toBe(1);
  });
});
