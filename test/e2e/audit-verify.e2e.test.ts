import path from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordAudit } from '../../src/modules/audit/audit.service.js';
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
const verify = () =>
  runSpareflow(['audit', 'verify'], {
    DATABASE_URL: database.url,
    SPAREFLOW_DATA_DIR: path.join(root, 'data'),
    LOG_LEVEL: 'warn',
  });

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
  await client.query('begin');
  for (let index = 0; index < 4; index += 1)
    await recordAudit(tx, {
      actor: { userId: null },
      organizationId: null,
      action: 'test.changed',
      entityType: 'widget',
      entityId: `widget-${index}`,
      after: { index },
    });
  await client.query('commit');
});

afterAll(async () => {
  await client.end();
  await database.drop();
  await removeTempRoot(root);
});

describe('spareflow audit verify', () => {
  it('exits 0 and counts the entries of an intact log', async () => {
    const result = await verify();
    expect(result.stdout).toContain('Audit log intact: 4 entries verified.');
    expect(result.code).toBe(0);
  });

  it('exits 1 naming the entry whose content was changed behind the trigger', async () => {
    const { rows } = await client.query<{ position: string }>(
      'select position from audit_log order by position offset 1 limit 1',
    );
    const position = rows[0]?.position;
    await client.query('alter table audit_log disable trigger audit_log_no_update_or_delete');
    await client.query(`update audit_log set after = '{"index": 42}' where position = $1`, [
      position,
    ]);
    await client.query('alter table audit_log enable trigger audit_log_no_update_or_delete');
    const result = await verify();
    expect(result.stdout).toContain(`Audit log TAMPERED at entry #${position}: content changed`);
    expect(result.code).toBe(1);
  });
});
