import { describe, expect, it } from 'vitest';
import { auditChainOf } from '../../../src/modules/audit/audit-chain.js';
import { verifyAuditChains } from '../../../src/modules/audit/audit-verify.service.js';
import { recordAudit } from '../../../src/modules/audit/audit.service.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { useTestDatabase } from '../../support/test-database.js';
import {
  chainRows,
  newOrganizationId,
  positions,
  recordCommitted,
  sampleEntry,
  testAction,
} from './audit-test-kit.js';

// One database for the file: each test adds to the same chains, which must stay valid throughout.
const database = useTestDatabase();
const genesis = '0'.repeat(64);
const organizationA = newOrganizationId();
const organizationB = newOrganizationId();
const chainA = `org:${organizationA}`;
const chainB = `org:${organizationB}`;

const chainEntries = async (chain: string) =>
  (await verifyAuditChains(database().db)).chains.find((report) => report.chain === chain)?.entries;

describe('recordAudit appends to one hash chain per organization', () => {
  it('verifies an empty log as intact with no chains', async () => {
    expect(await verifyAuditChains(database().db)).toEqual({ ok: true, entries: 0, chains: [] });
  });

  it('keeps a chain per organization and one for platform events, each from the genesis hash', async () => {
    await recordCommitted(database().pool, [
      sampleEntry(1, { organizationId: organizationA }),
      sampleEntry(2, { organizationId: organizationB }),
      sampleEntry(3, { organizationId: null }),
      sampleEntry(4, { organizationId: organizationA }),
      sampleEntry(5, { organizationId: organizationB }),
      sampleEntry(6, { organizationId: organizationA }),
    ]);
    const result = await verifyAuditChains(database().db);
    expect(result.ok).toBe(true);
    expect(result.entries).toBe(6);
    expect(result.chains.map((chain) => [chain.chain, chain.entries])).toEqual([
      ['platform', 1],
      ...[
        [chainA, 3],
        [chainB, 2],
      ].sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1)),
    ]);
    expect(auditChainOf(organizationA)).toBe(chainA);
    expect(auditChainOf(null)).toBe('platform');
    for (const [chain, ids] of [
      [chainA, ['widget-1', 'widget-4', 'widget-6']],
      [chainB, ['widget-2', 'widget-5']],
      ['platform', ['widget-3']],
    ] as const) {
      const rows = await chainRows(database().pool, chain);
      expect(rows.map((row) => row.entityId)).toEqual(ids);
      expect(rows.map((row) => row.sequence)).toEqual(ids.map((_, index) => index + 1));
      expect(rows[0]?.previousHash).toBe(genesis);
      rows.slice(1).forEach((row, index) => expect(row.previousHash).toBe(rows[index]?.hash));
    }
    // The head row of each chain is its newest entry.
    const { rows: heads } = await database().pool.query<{ sequence: string; hash: string }>(
      'select sequence, hash from audit_chain_heads where chain = $1',
      [chainA],
    );
    expect(heads).toEqual([
      { sequence: '3', hash: (await chainRows(database().pool, chainA))[2]?.hash },
    ]);
  });

  it('leaves no entry and no head move behind when the audited transaction rolls back', async () => {
    const before = await positions(database().pool);
    await expect(
      inTransaction(database().pool, async (tx) => {
        await recordAudit(
          tx,
          sampleEntry(100, {
            organizationId: organizationA,
            action: testAction('test.rolled_back'),
          }),
        );
        throw new Error('the audited change failed');
      }),
    ).rejects.toThrow('the audited change failed');
    expect(await positions(database().pool)).toEqual(before);
    // The next entry takes the sequence the rolled-back one had, and chains onto the last committed.
    await recordCommitted(database().pool, [sampleEntry(101, { organizationId: organizationA })]);
    const rows = await chainRows(database().pool, chainA);
    expect(rows.map((row) => [row.sequence, row.entityId]).at(-1)).toEqual([4, 'widget-101']);
    expect(await chainEntries(chainA)).toBe(4);
  });

  it('stores secrets as [REDACTED] at any depth but keeps the e-mail address', async () => {
    await recordCommitted(database().pool, [
      sampleEntry(200, {
        organizationId: organizationB,
        action: testAction('test.secrets'),
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
    expect((await verifyAuditChains(database().db)).ok).toBe(true);
  });

  it('keeps one chain valid when 20 transactions of its organization record concurrently', async () => {
    const before = (await chainEntries(chainB)) ?? 0;
    await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        inTransaction(database().pool, (tx) =>
          recordAudit(tx, sampleEntry(300 + index, { organizationId: organizationB })),
        ),
      ),
    );
    expect((await verifyAuditChains(database().db)).ok).toBe(true);
    const rows = await chainRows(database().pool, chainB);
    expect(rows.map((row) => row.sequence)).toEqual(
      Array.from({ length: before + 20 }, (_, index) => index + 1),
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE on the log and its checkpoints, and moving a head back', async () => {
    await expect(database().pool.query("update audit_log set action = 'forged'")).rejects.toThrow(
      /append-only \(UPDATE refused\)/,
    );
    await expect(database().pool.query('delete from audit_log')).rejects.toThrow(
      /append-only \(DELETE refused\)/,
    );
    await expect(database().pool.query('truncate audit_log')).rejects.toThrow(
      /audit_log is append-only \(TRUNCATE refused\)/,
    );
    await database().pool.query(
      "insert into audit_checkpoints (chain, sequence, hash, source) select chain, sequence, hash, 'verify' from audit_chain_heads",
    );
    await expect(database().pool.query('delete from audit_checkpoints')).rejects.toThrow(
      /audit_checkpoints is append-only \(DELETE refused\)/,
    );
    await expect(
      database().pool.query('update audit_checkpoints set sequence = 1'),
    ).rejects.toThrow(/audit_checkpoints is append-only \(UPDATE refused\)/);
    await expect(
      database().pool.query('update audit_chain_heads set sequence = sequence - 1'),
    ).rejects.toThrow(/only moves forward/);
    await expect(database().pool.query('delete from audit_chain_heads')).rejects.toThrow(
      /only moves forward/,
    );
    await expect(database().pool.query('truncate audit_chain_heads')).rejects.toThrow(
      /append-only \(TRUNCATE refused\)/,
    );
    expect((await verifyAuditChains(database().db)).ok).toBe(true);
  });
});
