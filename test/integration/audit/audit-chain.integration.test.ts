import { describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../../src/modules/audit/audit-verify.service.js';
import { recordAudit } from '../../../src/modules/audit/audit.service.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { useTestDatabase } from '../../support/test-database.js';
import { positions, recordCommitted, sampleEntry } from './audit-test-kit.js';

// One database for the file: each test adds to the same chain, which must stay valid throughout.
const database = useTestDatabase();

describe('recordAudit builds a hash chain verifyAuditChain accepts', () => {
  it('verifies an empty log as intact with 0 rows', async () => {
    expect(await verifyAuditChain(database().db)).toEqual({ ok: true, rows: 0 });
  });

  it('chains entries from committed transactions, each pointing at the one before', async () => {
    await recordCommitted(
      database().pool,
      Array.from({ length: 5 }, (_, index) => sampleEntry(index)),
    );
    expect(await verifyAuditChain(database().db)).toEqual({ ok: true, rows: 5 });
    const { rows } = await database().pool.query<{ previous_hash: string; hash: string }>(
      'select previous_hash, hash from audit_log order by position',
    );
    expect(rows[0]?.previous_hash).toBe('0'.repeat(64));
    rows.slice(1).forEach((row, index) => expect(row.previous_hash).toBe(rows[index]?.hash));
  });

  it('leaves no row behind when the audited transaction rolls back', async () => {
    const before = await positions(database().pool);
    await expect(
      inTransaction(database().pool, async (tx) => {
        await recordAudit(tx, sampleEntry(100, { action: 'test.rolled_back' }));
        throw new Error('the audited change failed');
      }),
    ).rejects.toThrow('the audited change failed');
    expect(await positions(database().pool)).toEqual(before);
    const { rowCount } = await database().pool.query(
      "select 1 from audit_log where action = 'test.rolled_back'",
    );
    expect(rowCount).toBe(0);
    // The next entry chains onto the last committed one despite the consumed sequence value.
    await recordCommitted(database().pool, [sampleEntry(101)]);
    expect(await verifyAuditChain(database().db)).toEqual({ ok: true, rows: before.length + 1 });
  });

  it('stores secrets as [REDACTED] at any depth but keeps the e-mail address', async () => {
    await recordCommitted(database().pool, [
      sampleEntry(200, {
        action: 'test.secrets',
        before: { email: 'priya.sharma@example.in', password: 'old-password-1' },
        after: {
          email: 'priya.sharma@example.in',
          profile: { credentials: { token: 'tok_123', apiKey: 'sk_live_abc' } },
          keys: [{ apiKey: 'sk_live_def', label: 'ERP' }],
          changedAt: new Date('2026-01-02T03:04:05.678Z'),
        },
      }),
    ]);
    const { rows } = await database().pool.query<{ before: unknown; after: unknown }>(
      "select before, after from audit_log where action = 'test.secrets'",
    );
    expect(rows[0]).toEqual({
      before: { email: 'priya.sharma@example.in', password: '[REDACTED]' },
      after: {
        email: 'priya.sharma@example.in',
        profile: { credentials: { token: '[REDACTED]', apiKey: '[REDACTED]' } },
        keys: [{ apiKey: '[REDACTED]', label: 'ERP' }],
        changedAt: '2026-01-02T03:04:05.678Z',
      },
    });
    expect(JSON.stringify(rows)).not.toMatch(/old-password-1|tok_123|sk_live/);
    // What was hashed is what was stored (the Date as its ISO string), so the chain still verifies.
    expect((await verifyAuditChain(database().db)).ok).toBe(true);
  });

  it('keeps the chain valid when 20 transactions record concurrently', async () => {
    const before = (await positions(database().pool)).length;
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        inTransaction(database().pool, (tx) =>
          recordAudit(tx, sampleEntry(300 + index, { action: 'test.concurrent' })),
        ),
      ),
    );
    expect(await verifyAuditChain(database().db)).toEqual({ ok: true, rows: before + 20 });
    const { rows } = await database().pool.query<{ previous_hash: string; n: string }>(
      'select previous_hash, count(*) as n from audit_log group by previous_hash having count(*) > 1',
    );
    expect(rows).toEqual([]);
  });

  it('refuses UPDATE and DELETE on audit_log (append-only trigger)', async () => {
    await expect(database().pool.query("update audit_log set action = 'forged'")).rejects.toThrow(
      /append-only \(UPDATE refused\)/,
    );
    await expect(database().pool.query('delete from audit_log')).rejects.toThrow(
      /append-only \(DELETE refused\)/,
    );
    expect((await verifyAuditChain(database().db)).ok).toBe(true);
  });
});
