import { beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import type { AppError } from '../../../src/platform/errors/app-error.js';
import { isAppError } from '../../../src/platform/errors/app-error.js';
import {
  captureHold,
  creditTopUp,
  debitForRefund,
  holdFunds,
  releaseHold,
  reverseRefund,
  settleRefund,
  walletBalance,
} from '../../../src/modules/ledger/index.js';
import { platformAccountIds } from '../../../src/modules/ledger/ledger-account-lock.repository.js';
import { postLedger } from '../../../src/modules/ledger/ledger.js';
import { ledgerReconciliationRepository } from '../../../src/modules/ledger/ledger-reconciliation.repository.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertOrganization } from '../inventory/inventory-fixtures.js';
import { fund, ledgerTotals } from './ledger-test-kit.js';

const database = useTestDatabase();

async function caught(work: () => Promise<unknown>): Promise<AppError> {
  try {
    await work();
  } catch (error) {
    if (isAppError(error)) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('money ledger (real PostgreSQL)', () => {
  let org: string;
  beforeAll(async () => {
    org = await insertOrganization(database().pool, 'brand');
  });

  it('the platform accounts of the migration are the ids the code posts to', async () => {
    const { rows } = await database().pool.query<{ id: string; kind: string }>(
      'select id, kind from ledger_accounts where organization_id is null order by kind',
    );
    expect(Object.fromEntries(rows.map((row) => [row.kind, row.id]))).toEqual(platformAccountIds);
  });

  it('a top-up credits the wallet once; a retry with its reference is answered with the first result', async () => {
    const pool = database().pool;
    const first = await inTransaction(pool, (tx) =>
      creditTopUp(tx, { organizationId: org, amountPaise: 100_000, reference: 'topup:t1' }),
    );
    const again = await inTransaction(pool, (tx) =>
      creditTopUp(tx, { organizationId: org, amountPaise: 100_000, reference: 'topup:t1' }),
    );
    expect(first).toMatchObject({ applied: true, balancePaise: 100_000 });
    expect(again).toEqual({ ...first, applied: false });
    expect(await walletBalance(database().db, org)).toEqual({
      balancePaise: 100_000,
      heldPaise: 0,
      availablePaise: 100_000,
    });
    const { rows } = await pool.query(
      `select e.amount_paise::int, e.balance_after_paise::int, a.kind
         from ledger_entries e join ledger_accounts a on a.id = e.account_id
         join ledger_postings p on p.id = e.posting_id
        where p.reference = 'topup:t1' order by e.id`,
    );
    expect(rows).toEqual([
      { amount_paise: -100_000, balance_after_paise: null, kind: 'gateway_clearing' },
      { amount_paise: 100_000, balance_after_paise: 100_000, kind: 'wallet_available' },
    ]);
  });

  it('a refund beyond the available balance is INSUFFICIENT_FUNDS with the figures, and the transaction stays usable', async () => {
    const pool = database().pool;
    const other = await insertOrganization(pool);
    await fund(pool, other, 5_000);
    const error = await inTransaction(pool, async (tx) => {
      const refused = await caught(() =>
        debitForRefund(tx, { organizationId: other, amountPaise: 5_001, reference: 'refund:r1' }),
      );
      // The refusal wrote nothing and broke nothing: the same transaction goes on.
      await debitForRefund(tx, {
        organizationId: other,
        amountPaise: 2_000,
        reference: 'refund:r2',
      });
      return refused;
    });
    expect(error.code).toBe('INSUFFICIENT_FUNDS');
    expect(error.status).toBe(409);
    expect(error.extensions).toEqual({ availablePaise: 5_000, requiredPaise: 5_001 });
    expect((await walletBalance(database().db, other)).availablePaise).toBe(3_000);
  });

  it('refund paid out and refund failed: settle touches only platform accounts, reverse returns the money', async () => {
    const pool = database().pool;
    const other = await insertOrganization(pool);
    await fund(pool, other, 10_000);
    await inTransaction(pool, (tx) =>
      debitForRefund(tx, { organizationId: other, amountPaise: 4_000, reference: 'refund:a' }),
    );
    const settled = await inTransaction(pool, (tx) =>
      settleRefund(tx, { amountPaise: 4_000, reference: 'refund-settled:a' }),
    );
    expect(settled).toEqual({ applied: true });
    await inTransaction(pool, (tx) =>
      debitForRefund(tx, { organizationId: other, amountPaise: 1_000, reference: 'refund:b' }),
    );
    const reversed = await inTransaction(pool, (tx) =>
      reverseRefund(tx, {
        organizationId: other,
        amountPaise: 1_000,
        reference: 'refund-failed:b',
      }),
    );
    expect(reversed).toEqual({ applied: true, balancePaise: 6_000 });
  });

  it('hold → capture with a remainder: charges to freight, margin and GST; the rest back to available', async () => {
    const pool = database().pool;
    const other = await insertOrganization(pool);
    await fund(pool, other, 50_000);
    const held = await inTransaction(pool, (tx) =>
      holdFunds(tx, { organizationId: other, amountPaise: 20_000, reference: 'shipment:s1' }),
    );
    expect(held).toEqual({ applied: true, balancePaise: 50_000, heldPaise: 20_000 });
    expect(await walletBalance(database().db, other)).toEqual({
      balancePaise: 50_000,
      heldPaise: 20_000,
      availablePaise: 30_000,
    });
    const lines = { freightPaise: 12_000, marginPaise: 3_000, gstPaise: 2_700 };
    const captured = await inTransaction(pool, (tx) =>
      captureHold(tx, { reference: 'shipment:s1', lines }),
    );
    expect(captured).toEqual({
      applied: true,
      balancePaise: 32_300,
      chargedPaise: 17_700,
      releasedPaise: 2_300,
    });
    const retry = await inTransaction(pool, (tx) =>
      captureHold(tx, { reference: 'shipment:s1', lines }),
    );
    expect(retry.applied).toBe(false);
    expect(await walletBalance(database().db, other)).toEqual({
      balancePaise: 32_300,
      heldPaise: 0,
      availablePaise: 32_300,
    });
    const release = await caught(() =>
      inTransaction(pool, (tx) => releaseHold(tx, { reference: 'shipment:s1' })),
    );
    expect(release.code).toBe('HOLD_ALREADY_SETTLED');
  });

  it('hold → release returns everything; capture after release and unknown holds are refused', async () => {
    const pool = database().pool;
    const other = await insertOrganization(pool);
    await fund(pool, other, 9_000);
    await inTransaction(pool, (tx) =>
      holdFunds(tx, { organizationId: other, amountPaise: 9_000, reference: 'shipment:s2' }),
    );
    const short = await caught(() =>
      inTransaction(pool, (tx) =>
        holdFunds(tx, { organizationId: other, amountPaise: 1, reference: 'shipment:s3' }),
      ),
    );
    expect(short.extensions).toEqual({ availablePaise: 0, requiredPaise: 1 });
    const released = await inTransaction(pool, (tx) =>
      releaseHold(tx, { reference: 'shipment:s2' }),
    );
    expect(released).toEqual({ applied: true, balancePaise: 9_000 });
    expect(
      (await inTransaction(pool, (tx) => releaseHold(tx, { reference: 'shipment:s2' }))).applied,
    ).toBe(false);
    const capture = await caught(() =>
      inTransaction(pool, (tx) =>
        captureHold(tx, {
          reference: 'shipment:s2',
          lines: { freightPaise: 1, marginPaise: 0, gstPaise: 0 },
        }),
      ),
    );
    expect(capture.code).toBe('HOLD_ALREADY_SETTLED');
    const missing = await caught(() =>
      inTransaction(pool, (tx) => releaseHold(tx, { reference: 'shipment:nope' })),
    );
    expect(missing.code).toBe('HOLD_NOT_FOUND');
  });

  it('a capture whose charges exceed the hold is refused as a programming error, nothing written', async () => {
    const pool = database().pool;
    const other = await insertOrganization(pool);
    await fund(pool, other, 1_000);
    await inTransaction(pool, (tx) =>
      holdFunds(tx, { organizationId: other, amountPaise: 1_000, reference: 'shipment:s4' }),
    );
    await expect(
      inTransaction(pool, (tx) =>
        captureHold(tx, {
          reference: 'shipment:s4',
          lines: { freightPaise: 900, marginPaise: 100, gstPaise: 1 },
        }),
      ),
    ).rejects.toThrow(/exceed the hold/);
  });

  it('the database refuses an unbalanced posting at commit, and edits or deletes of entries', async () => {
    const pool = database().pool;
    await expect(
      inTransaction(pool, async (tx) => {
        const { rows } = await tx.client.query<{ id: string }>(
          `insert into ledger_postings (reference, kind) values ('raw:1', 'refund_settled') returning id`,
        );
        await tx.client.query(
          `insert into ledger_entries (posting_id, account_id, amount_paise) values ($1, $2, 500), ($1, $3, -499)`,
          [rows[0]?.id, platformAccountIds.refunds_payable, platformAccountIds.gateway_clearing],
        );
      }),
    ).rejects.toThrow(/not balanced/);
    await expect(
      inTransaction(pool, (tx) =>
        tx.client.query(
          `insert into ledger_postings (reference, kind) values ('raw:2', 'refund_settled')`,
        ),
      ),
    ).rejects.toThrow(/not balanced: 0 entries/);
    await expect(pool.query('update ledger_entries set amount_paise = 1')).rejects.toThrow(
      /append-only/,
    );
    await expect(pool.query('delete from ledger_postings')).rejects.toThrow(/append-only/);
    await expect(
      pool.query(
        `update ledger_accounts set balance_paise = -1 where organization_id = $1 and kind = 'wallet_available'`,
        [org],
      ),
    ).rejects.toThrow(/ledger_accounts_wallet_non_negative/);
  });

  it('postLedger refuses lines that do not balance before touching the database', async () => {
    await expect(
      inTransaction(database().pool, (tx) =>
        postLedger(tx, {
          reference: 'bad:1',
          kind: 'topup',
          organizationId: org,
          lines: [
            { account: 'gateway_clearing', amountPaise: -10 },
            { account: 'wallet_available', amountPaise: 11 },
          ],
        }),
      ),
    ).rejects.toThrow(/sum to 1/);
  });

  it('the low-balance event is published once when available crosses the threshold from above', async () => {
    const pool = database().pool;
    const other = await insertOrganization(pool);
    await pool.query(
      'insert into wallet_settings (organization_id, low_balance_threshold_paise) values ($1, 10000)',
      [other],
    );
    await fund(pool, other, 15_000);
    for (const [index, amount] of [3_000, 3_000, 1_000].entries())
      await inTransaction(pool, (tx) =>
        holdFunds(tx, { organizationId: other, amountPaise: amount, reference: `low:${index}` }),
      );
    const { rows } = await pool.query<{ payload: Record<string, unknown> }>(
      `select payload from domain_events where type = 'ledger.wallet_low_balance' and organization_id = $1`,
      [other],
    );
    expect(rows.map((row) => row.payload)).toEqual([
      {
        organizationId: other,
        availablePaise: 9_000,
        thresholdPaise: 10_000,
        postingReference: 'hold:low:1',
      },
    ]);
  });

  it('after all of the above, the ledger sums to zero and the reconciler finds no drift; tampering is found', async () => {
    const pool = database().pool;
    expect(await ledgerTotals(pool)).toMatchObject({ total: 0, unbalanced: 0 });
    const clean = await ledgerReconciliationRepository.compare(pool);
    expect(clean.drift).toEqual([]);
    expect(clean.checkedAccounts).toBeGreaterThan(10);
    await pool.query(
      `update ledger_accounts set balance_paise = balance_paise + 7 where organization_id = $1 and kind = 'wallet_available'`,
      [org],
    );
    const dirty = await ledgerReconciliationRepository.compare(pool);
    expect(dirty.drift).toEqual([
      expect.objectContaining({
        organizationId: org,
        kind: 'wallet_available',
        cachedPaise: 100_007,
        ledgerPaise: 100_000,
      }),
    ]);
    await pool.query(
      `update ledger_accounts set balance_paise = balance_paise - 7 where organization_id = $1 and kind = 'wallet_available'`,
      [org],
    );
  });
});
