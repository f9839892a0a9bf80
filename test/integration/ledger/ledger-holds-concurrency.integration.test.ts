import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { isAppError } from '../../../src/platform/errors/app-error.js';
import { holdFunds, walletBalance } from '../../../src/modules/ledger/index.js';
import { reconcileLedger } from '../../../src/modules/ledger/ledger-reconciler.js';
import { ledgerReconciliationRepository } from '../../../src/modules/ledger/ledger-reconciliation.repository.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertOrganization, withWidePool } from '../inventory/inventory-fixtures.js';
import { fund, ledgerTotals } from './ledger-test-kit.js';

const database = useTestDatabase();

describe('holds under concurrency (real PostgreSQL)', () => {
  it('1,000 concurrent holds against a balance covering exactly N: exactly N succeed, the rest INSUFFICIENT_FUNDS; the ledger balances and nothing drifts', async () => {
    const pool = database().pool;
    const organizationId = await insertOrganization(pool, 'brand');
    const N = 337;
    const amountPaise = 1_250;
    await fund(pool, organizationId, N * amountPaise);
    // A second wallet busy at the same time: holds of other organizations never interfere.
    const neighbour = await insertOrganization(pool, 'distributor');
    await fund(pool, neighbour, 1_000_000);

    const outcomes = await withWidePool(database().url, (wide) =>
      Promise.allSettled(
        Array.from({ length: 1_000 }, (_, index) =>
          inTransaction(wide, (tx) =>
            holdFunds(tx, {
              organizationId: index % 10 === 9 ? neighbour : organizationId,
              amountPaise,
              reference: `shipment:${index}`,
            }),
          ),
        ),
      ),
    );
    const ours = outcomes.filter((_, index) => index % 10 !== 9);
    const succeeded = ours.filter((outcome) => outcome.status === 'fulfilled');
    const refused = ours.filter(
      (outcome) =>
        outcome.status === 'rejected' &&
        isAppError(outcome.reason) &&
        outcome.reason.code === 'INSUFFICIENT_FUNDS' &&
        outcome.reason.status === 409,
    );
    expect(succeeded).toHaveLength(N);
    expect(refused).toHaveLength(900 - N);
    expect(
      outcomes.filter((_, index) => index % 10 === 9).every((o) => o.status === 'fulfilled'),
    ).toBe(true);

    expect(await walletBalance(database().db, organizationId)).toEqual({
      balancePaise: N * amountPaise,
      heldPaise: N * amountPaise,
      availablePaise: 0,
    });
    expect(await ledgerTotals(pool)).toMatchObject({
      total: 0,
      unbalanced: 0,
      postings: 2 + N + 100,
    });
    const comparison = await ledgerReconciliationRepository.compare(pool);
    expect(comparison).toMatchObject({ drift: [], unbalancedPostings: 0, ledgerTotalPaise: 0 });
    const result = await reconcileLedger(pool, createLogger({ level: 'silent' }));
    expect(result.drift).toEqual([]);
    // Every wallet entry's balance_after is the running sum of its account's entries.
    const { rows } = await pool.query<{ mismatches: string }>(
      `select count(*)::text as mismatches from (
         select balance_after_paise,
                sum(amount_paise) over (partition by account_id order by id) as running
           from ledger_entries where balance_after_paise is not null) e
        where balance_after_paise <> running`,
    );
    expect(rows[0]?.mismatches).toBe('0');
  });
});
