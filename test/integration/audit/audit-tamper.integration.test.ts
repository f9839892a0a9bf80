import { afterEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/modules/audit/audit-verify.service.js';
import { recordAudit } from '../../../src/modules/audit/audit.service.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { positions, recordCommitted, sampleEntry, withoutTrigger } from './audit-test-kit.js';

// Each test tampers with its own fresh database, so one test's damage never explains another's result.
const databases: TestDatabase[] = [];
const chainOf = async (length: number) => {
  const database = await createTestDatabase();
  databases.push(database);
  await recordCommitted(
    database.pool,
    Array.from({ length }, (_, index) => sampleEntry(index)),
  );
  return { database, positions: await positions(database.pool) };
};

afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

describe('verifyAuditChain detects tampering (trigger disabled, as a superuser could)', () => {
  it("reports the edited row's position as 'content changed'", async () => {
    const { database, positions: all } = await chainOf(5);
    const edited = all[2];
    await withoutTrigger(
      database.pool,
      `update audit_log set after = '{"count": 999}' where position = ${edited}`,
    );
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      rows: 2,
      brokenAt: { position: edited, reason: 'content changed' },
    });
  });

  it("reports the row after a deleted one as 'chain link broken'", async () => {
    const { database, positions: all } = await chainOf(5);
    await withoutTrigger(database.pool, `delete from audit_log where position = ${all[2]}`);
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      rows: 2,
      brokenAt: { position: all[3], reason: 'chain link broken' },
    });
  });

  it("reports a deleted first row as the next row's broken link to the genesis hash", async () => {
    const { database, positions: all } = await chainOf(3);
    await withoutTrigger(database.pool, `delete from audit_log where position = ${all[0]}`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenAt: { position: all[1], reason: 'chain link broken' },
    });
  });

  it('walks past the 1000-row batch boundary and still finds an edit beyond it', async () => {
    const { database } = await chainOf(0);
    // 1,205 entries, 100 per transaction to keep the test quick.
    for (let block = 0; block < 12; block += 1) {
      await inTransaction(database.pool, async (tx) => {
        for (let index = 0; index < 100; index += 1)
          await recordAudit(tx, sampleEntry(block * 100 + index));
      });
    }
    await recordCommitted(
      database.pool,
      Array.from({ length: 5 }, (_, index) => sampleEntry(2000 + index)),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, rows: 1205 });
    const all = await positions(database.pool);
    await withoutTrigger(
      database.pool,
      `update audit_log set entity_id = 'forged' where position = ${all[1100]}`,
    );
    expect(await verifyAuditChain(database.db)).toEqual({
      ok: false,
      rows: 1100,
      brokenAt: { position: all[1100], reason: 'content changed' },
    });
  });
});
