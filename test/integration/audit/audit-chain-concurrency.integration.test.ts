import { describe, expect, it, vi } from 'vitest';
import { verifyAuditChains } from '../../../src/modules/audit/audit-verify.service.js';
import { recordAudit } from '../../../src/modules/audit/audit.service.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { useTestDatabase } from '../../support/test-database.js';
import {
  blockedBy,
  chainRows,
  newOrganizationId,
  openAuditedTransaction,
  sampleEntry,
} from './audit-test-kit.js';

const database = useTestDatabase();

/**
 * An audited transaction that gives up instead of waiting for a lock: if another transaction's
 * lock stood in its way, PostgreSQL would cancel it (55P03) after `lock_timeout`. Waiting for no
 * lock at all, it never gets near that bound however slow the machine is.
 */
const recordWithoutWaiting = (organizationId: string | null, index: number) =>
  inTransaction(database().pool, async (tx) => {
    await tx.client.query("set local lock_timeout = '3s'");
    await recordAudit(tx, sampleEntry(index, { organizationId }));
  });

describe('audit chains: appends of different organizations never wait on each other', () => {
  it("completes other organizations' (and platform) audited writes while one organization's transaction is open", async () => {
    const busy = newOrganizationId();
    const open = await openAuditedTransaction(database().pool, [
      sampleEntry(1, { organizationId: busy }),
    ]);
    try {
      const others = [newOrganizationId(), newOrganizationId(), newOrganizationId()];
      await Promise.all([
        ...others.map((organizationId, index) => recordWithoutWaiting(organizationId, 10 + index)),
        recordWithoutWaiting(others[0]!, 20),
        recordWithoutWaiting(null, 30),
      ]);
      for (const organizationId of others)
        expect((await chainRows(database().pool, `org:${organizationId}`)).length).toBeGreaterThan(
          0,
        );
      expect(await chainRows(database().pool, `org:${busy}`)).toEqual([]);
    } finally {
      await open.commit();
    }
    expect((await chainRows(database().pool, `org:${busy}`)).map((row) => row.sequence)).toEqual([
      1,
    ]);
    expect((await verifyAuditChains(database().db)).ok).toBe(true);
  });

  it("makes the same organization's second audited write wait for the first to commit, then chains it after", async () => {
    const organizationId = newOrganizationId();
    const first = await openAuditedTransaction(database().pool, [
      sampleEntry(100, { organizationId }),
    ]);
    let secondDone = false;
    const second = inTransaction(database().pool, (tx) =>
      recordAudit(tx, sampleEntry(101, { organizationId })),
    ).then(() => {
      secondDone = true;
    });
    try {
      // The second transaction is observed waiting on a lock the first one holds.
      await vi.waitFor(
        async () => expect((await blockedBy(database().pool, first.pid)).length).toBe(1),
        { timeout: 30_000, interval: 50 },
      );
      expect(secondDone).toBe(false);
    } finally {
      await first.commit();
    }
    await second;
    const rows = await chainRows(database().pool, `org:${organizationId}`);
    expect(rows.map((row) => [row.sequence, row.entityId])).toEqual([
      [1, 'widget-100'],
      [2, 'widget-101'],
    ]);
    expect(rows[1]?.previousHash).toBe(rows[0]?.hash);
    expect((await verifyAuditChains(database().db)).ok).toBe(true);
  });

  it('chains a waiting write onto the committed head when the holder rolls back', async () => {
    const organizationId = newOrganizationId();
    await inTransaction(database().pool, (tx) =>
      recordAudit(tx, sampleEntry(200, { organizationId })),
    );
    const first = await openAuditedTransaction(database().pool, [
      sampleEntry(201, { organizationId }),
    ]);
    const second = inTransaction(database().pool, (tx) =>
      recordAudit(tx, sampleEntry(202, { organizationId })),
    );
    await vi.waitFor(
      async () => expect((await blockedBy(database().pool, first.pid)).length).toBe(1),
      { timeout: 30_000, interval: 50 },
    );
    await first.rollback();
    await second;
    const rows = await chainRows(database().pool, `org:${organizationId}`);
    expect(rows.map((row) => [row.sequence, row.entityId])).toEqual([
      [1, 'widget-200'],
      [2, 'widget-202'],
    ]);
    expect((await verifyAuditChains(database().db)).ok).toBe(true);
  });

  it('keeps every chain intact when many organizations append concurrently', async () => {
    const organizations = Array.from({ length: 8 }, () => newOrganizationId());
    const perOrganization = 6;
    await Promise.all(
      organizations.flatMap((organizationId, o) =>
        Array.from({ length: perOrganization }, (_, index) =>
          inTransaction(database().pool, async (tx) => {
            // Two entries per transaction, as registration writes: both land in order.
            await recordAudit(tx, sampleEntry(1000 + o * 100 + index * 2, { organizationId }));
            await recordAudit(tx, sampleEntry(1001 + o * 100 + index * 2, { organizationId }));
          }),
        ),
      ),
    );
    const result = await verifyAuditChains(database().db);
    expect(result.ok).toBe(true);
    for (const organizationId of organizations) {
      const report = result.chains.find((chain) => chain.chain === `org:${organizationId}`);
      expect(report).toMatchObject({ entries: perOrganization * 2, broken: null });
      const rows = await chainRows(database().pool, `org:${organizationId}`);
      expect(rows.map((row) => row.sequence)).toEqual(
        Array.from({ length: perOrganization * 2 }, (_, index) => index + 1),
      );
      // A transaction's two entries are adjacent: widget-n is followed by widget-(n+1).
      for (let index = 0; index < rows.length; index += 2)
        expect(Number(rows[index + 1]!.entityId.slice(7))).toBe(
          Number(rows[index]!.entityId.slice(7)) + 1,
        );
    }
  });
});
