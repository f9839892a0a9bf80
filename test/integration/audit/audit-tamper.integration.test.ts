import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { checkpointAuditChains } from '../../../src/modules/audit/audit-checkpoint.service.js';
import {
  checkpointVerifiedChains,
  verifyAuditChains,
  type AuditVerification,
} from '../../../src/modules/audit/audit-verify.service.js';
import { recordAudit } from '../../../src/modules/audit/audit.service.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import {
  chainRows,
  newOrganizationId,
  recordCommitted,
  sampleEntry,
  withoutTrigger,
} from './audit-test-kit.js';

// Each test tampers with its own fresh database, so one test's damage never explains another's result.
const databases: TestDatabase[] = [];
const organizationA = newOrganizationId();
const organizationB = newOrganizationId();
const chainA = `org:${organizationA}`;
const chainB = `org:${organizationB}`;

/** `length` entries for each of organizations A and B and the platform, interleaved. */
const chainsOf = async (length: number) => {
  const database = await createTestDatabase();
  databases.push(database);
  await recordCommitted(
    database.pool,
    Array.from({ length }, (_, index) => [
      sampleEntry(index, { organizationId: organizationA }),
      sampleEntry(100 + index, { organizationId: organizationB }),
      sampleEntry(200 + index, { organizationId: null }),
    ]).flat(),
  );
  return database;
};

const reportOf = (result: AuditVerification, chain: string) =>
  result.chains.find((report) => report.chain === chain);

afterEach(async () => {
  await Promise.all(databases.splice(0).map((database) => database.drop()));
});

describe('verifyAuditChains detects tampering per chain (triggers disabled, as a superuser could)', () => {
  it("names the edited entry of its chain as 'content changed' and leaves the other chains intact", async () => {
    const database = await chainsOf(5);
    const edited = (await chainRows(database.pool, chainB))[2]!;
    await withoutTrigger(
      database.pool,
      `update audit_log set after = '{"count": 999}' where position = ${edited.position}`,
    );
    const result = await verifyAuditChains(database.db);
    expect(result.ok).toBe(false);
    expect(reportOf(result, chainB)).toEqual({
      chain: chainB,
      entries: 2,
      last: expect.objectContaining({ sequence: 2 }),
      broken: { sequence: 3, position: edited.position, reason: 'content changed' },
    });
    expect(reportOf(result, chainA)).toMatchObject({ entries: 5, broken: null });
    expect(reportOf(result, 'platform')).toMatchObject({ entries: 5, broken: null });
  });

  it('names the first broken entry of each of several broken chains', async () => {
    const database = await chainsOf(4);
    const a = await chainRows(database.pool, chainA);
    const platform = await chainRows(database.pool, 'platform');
    await withoutTrigger(
      database.pool,
      `update audit_log set entity_id = 'forged' where position in (${a[1]!.position}, ${a[3]!.position});
       delete from audit_log where position = ${platform[0]!.position}`,
    );
    const result = await verifyAuditChains(database.db);
    expect(reportOf(result, chainA)?.broken).toEqual({
      sequence: 2,
      position: a[1]!.position,
      reason: 'content changed',
    });
    // A deleted first entry: the next one no longer starts the chain.
    expect(reportOf(result, 'platform')?.broken).toEqual({
      sequence: 2,
      position: platform[1]!.position,
      reason: 'chain link broken',
    });
    expect(reportOf(result, chainB)?.broken).toBeNull();
    expect(result.entries).toBe(1 + 4 + 0);
  });

  it("reports the entry after a deleted one as 'chain link broken'", async () => {
    const database = await chainsOf(5);
    const rows = await chainRows(database.pool, chainA);
    await withoutTrigger(
      database.pool,
      `delete from audit_log where position = ${rows[2]!.position}`,
    );
    expect(reportOf(await verifyAuditChains(database.db), chainA)?.broken).toEqual({
      sequence: 4,
      position: rows[3]!.position,
      reason: 'chain link broken',
    });
  });

  it('detects an entry moved to another organization (its chain and organization are hashed)', async () => {
    const database = await chainsOf(3);
    const moved = (await chainRows(database.pool, chainA))[1]!;
    await withoutTrigger(
      database.pool,
      `update audit_log set organization_id = '${organizationB}', chain = '${chainB}', sequence = 4
        where position = ${moved.position}`,
    );
    const result = await verifyAuditChains(database.db);
    expect(reportOf(result, chainA)?.broken).toMatchObject({
      sequence: 3,
      reason: 'chain link broken',
    });
    expect(reportOf(result, chainB)?.broken).toMatchObject({
      sequence: 4,
      position: moved.position,
      reason: 'chain link broken',
    });
  });

  it('detects a deleted tail after a checkpoint, even with the head row moved back too', async () => {
    const database = await chainsOf(6);
    const checkpoints = await checkpointVerifiedChains(
      database.db,
      await verifyAuditChains(database.db),
    );
    expect(checkpoints.map((checkpoint) => [checkpoint.chain, checkpoint.sequence])).toEqual(
      expect.arrayContaining([
        [chainA, 6],
        [chainB, 6],
        ['platform', 6],
      ]),
    );
    // The attacker deletes the newest two entries and rewinds the head to what is left.
    const rows = await chainRows(database.pool, chainA);
    await withoutTrigger(
      database.pool,
      `delete from audit_log where position in (${rows[4]!.position}, ${rows[5]!.position});
       update audit_chain_heads set sequence = 4, hash = '${rows[3]!.hash}' where chain = '${chainA}'`,
    );
    const result = await verifyAuditChains(database.db);
    expect(result.ok).toBe(false);
    expect(reportOf(result, chainA)).toMatchObject({
      entries: 4,
      broken: {
        sequence: 5,
        position: null,
        reason: 'tail missing after checkpoint',
        checkpoint: { sequence: 6, source: 'verify' },
      },
    });
    expect(reportOf(result, chainB)?.broken).toBeNull();
  });

  it("detects a deleted tail from the chain's head row alone, before any checkpoint", async () => {
    const database = await chainsOf(3);
    const rows = await chainRows(database.pool, 'platform');
    await withoutTrigger(
      database.pool,
      `delete from audit_log where position = ${rows[2]!.position}`,
    );
    expect(reportOf(await verifyAuditChains(database.db), 'platform')?.broken).toMatchObject({
      sequence: 3,
      position: null,
      reason: 'tail missing after checkpoint',
      checkpoint: { sequence: 3, source: 'head' },
    });
  });

  it('detects a whole chain deleted, and a tail replaced by later appends', async () => {
    const database = await chainsOf(4);
    await checkpointVerifiedChains(database.db, await verifyAuditChains(database.db));
    const b = await chainRows(database.pool, chainB);
    await withoutTrigger(
      database.pool,
      `delete from audit_log where chain = '${chainA}';
       delete from audit_chain_heads where chain = '${chainA}';
       delete from audit_log where position in (${b[2]!.position}, ${b[3]!.position});
       update audit_chain_heads set sequence = 2, hash = '${b[1]!.hash}' where chain = '${chainB}'`,
    );
    // The application goes on appending to B: sequences 3 and 4 exist again, with other hashes.
    await recordCommitted(database.pool, [
      sampleEntry(500, { organizationId: organizationB }),
      sampleEntry(501, { organizationId: organizationB }),
    ]);
    const result = await verifyAuditChains(database.db);
    expect(reportOf(result, chainA)).toMatchObject({
      entries: 0,
      broken: { sequence: 1, position: null, reason: 'tail missing after checkpoint' },
    });
    const replaced = (await chainRows(database.pool, chainB))[3]!;
    expect(reportOf(result, chainB)).toMatchObject({
      entries: 4,
      broken: {
        sequence: 4,
        position: replaced.position,
        reason: 'differs from checkpoint',
        checkpoint: { sequence: 4, source: 'verify' },
      },
    });
  });

  it('checkpoints only intact chains, and only past their newest checkpoint', async () => {
    const database = await chainsOf(2);
    const first = await checkpointVerifiedChains(database.db, await verifyAuditChains(database.db));
    expect(first).toHaveLength(3);
    expect(
      await checkpointVerifiedChains(database.db, await verifyAuditChains(database.db)),
    ).toEqual([]);
    await recordCommitted(database.pool, [
      sampleEntry(600, { organizationId: organizationA }),
      sampleEntry(601, { organizationId: organizationB }),
    ]);
    const edited = (await chainRows(database.pool, chainB))[0]!;
    await withoutTrigger(
      database.pool,
      `update audit_log set ip = '10.0.0.1' where position = ${edited.position}`,
    );
    const again = await checkpointVerifiedChains(database.db, await verifyAuditChains(database.db));
    expect(again.map((checkpoint) => [checkpoint.chain, checkpoint.sequence])).toEqual([
      [chainA, 3],
    ]);
  });

  it('walks past the 1000-entry batch boundary across chains and still finds an edit beyond it', async () => {
    const database = await chainsOf(0);
    // 1,205 entries over two organizations, 100 per transaction to keep the test quick.
    for (let block = 0; block < 12; block += 1) {
      await inTransaction(database.pool, async (tx) => {
        for (let index = 0; index < 100; index += 1)
          await recordAudit(
            tx,
            sampleEntry(block * 100 + index, {
              organizationId: block % 2 === 0 ? organizationA : organizationB,
            }),
          );
      });
    }
    await recordCommitted(
      database.pool,
      Array.from({ length: 5 }, (_, index) =>
        sampleEntry(2000 + index, { organizationId: organizationB }),
      ),
    );
    const intact = await verifyAuditChains(database.db);
    expect(intact).toMatchObject({ ok: true, entries: 1205 });
    const late = [chainA, chainB].sort()[1]!;
    const rows = await chainRows(database.pool, late);
    await withoutTrigger(
      database.pool,
      `update audit_log set entity_id = 'forged' where position = ${rows[550]!.position}`,
    );
    const result = await verifyAuditChains(database.db);
    expect(result.entries).toBe(1205 - rows.length + 550);
    expect(reportOf(result, late)?.broken).toEqual({
      sequence: 551,
      position: rows[550]!.position,
      reason: 'content changed',
    });
  });
});

describe('the logged checkpoints are a witness outside the database', () => {
  it('detects a deleted tail even after the head was moved back and every checkpoint deleted', async () => {
    const database = await chainsOf(4);
    // The daily job's checkpoints, as the log holds them.
    const logged = await checkpointAuditChains(database.db, pino({ level: 'silent' }));
    const witnesses = logged.map((checkpoint) => ({ ...checkpoint, recordedAt: new Date() }));
    expect(await verifyAuditChains(database.db, witnesses)).toMatchObject({ ok: true });
    // The attacker deletes A's newest two entries, every checkpoint and moves the head back: the
    // database alone is consistent again.
    const rows = await chainRows(database.pool, chainA);
    await withoutTrigger(
      database.pool,
      `delete from audit_log where position in (${rows[2]!.position}, ${rows[3]!.position});
       delete from audit_checkpoints;
       update audit_chain_heads set sequence = 2, hash = '${rows[1]!.hash}' where chain = '${chainA}'`,
    );
    expect((await verifyAuditChains(database.db)).ok).toBe(true);
    const result = await verifyAuditChains(database.db, witnesses);
    expect(reportOf(result, chainA)?.broken).toMatchObject({
      sequence: 3,
      reason: 'tail missing after checkpoint',
      checkpoint: { sequence: 4, source: 'witness' },
    });
    expect(result.chains.filter((chain) => chain.broken !== null)).toHaveLength(1);
  });
});
