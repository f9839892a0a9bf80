import type pg from 'pg';
import { z } from 'zod';
import { ledgerReconciliationRepository } from './ledger-reconciliation.repository.js';
import { driftCount } from './ledger-reconciler.js';
import { accountKinds, type AccountKind } from './ledger.tables.js';

/** What each account is, in words, and the side its balance normally sits on. */
export const accountKindInfo: Record<AccountKind, { label: string; normal: 'credit' | 'debit' }> = {
  wallet_available: { label: 'Wallets: available', normal: 'credit' },
  wallet_held: { label: 'Wallets: held for bookings', normal: 'credit' },
  gateway_clearing: { label: 'Gateway clearing (owed by Razorpay)', normal: 'debit' },
  refunds_payable: { label: 'Refunds payable', normal: 'credit' },
  freight_revenue: { label: 'Freight revenue', normal: 'credit' },
  margin: { label: 'Platform margin', normal: 'credit' },
  gst_payable: { label: 'GST payable', normal: 'credit' },
  adjustments: { label: 'Manual adjustments', normal: 'debit' },
};

export const ledgerAccountsSchema = z.object({
  accounts: z.array(
    z.object({
      kind: z.enum(accountKinds),
      label: z.string(),
      normalBalance: z.enum(['credit', 'debit']),
      balancePaise: z
        .number()
        .int()
        .describe('on its normal side: positive is what the account normally holds'),
      entries: z.number().int(),
    }),
  ),
  wallets: z.number().int().describe('organizations with a wallet'),
  reconciliation: z.object({
    checkedAccounts: z.number().int(),
    driftAccounts: z.number().int(),
    unbalancedPostings: z.number().int(),
    ledgerTotalPaise: z.number().int().describe('sum of every entry: 0 in a double-entry ledger'),
    drift: z.number().int().describe('accounts off + unbalanced postings (+1 if not summing to 0)'),
    checkedAt: z.iso.datetime(),
  }),
});
export type LedgerAccountsView = z.infer<typeof ledgerAccountsSchema>;

/**
 * Platform administrators' view of the ledger: every account kind summed over its entries (the
 * wallets together), and a reconciliation run now. Sums every entry: an administrator's page,
 * not a hot path.
 */
export async function ledgerAccountsOverview(pool: pg.Pool): Promise<LedgerAccountsView> {
  const { rows } = await pool.query<{ kind: AccountKind; total: string; entries: string }>(
    `select a.kind, coalesce(sum(e.amount_paise), 0)::text as total, count(e.id)::text as entries
       from ledger_accounts a left join ledger_entries e on e.account_id = a.id
      group by a.kind`,
  );
  const { rows: walletRows } = await pool.query<{ wallets: string }>(
    `select count(distinct organization_id)::text as wallets from ledger_accounts
      where organization_id is not null`,
  );
  const comparison = await ledgerReconciliationRepository.compare(pool);
  const byKind = new Map(rows.map((row) => [row.kind, row]));
  return {
    accounts: accountKinds.map((kind) => {
      const info = accountKindInfo[kind];
      const total = Number(byKind.get(kind)?.total ?? 0);
      // Stored credit-positive; shown on the account's normal side.
      const balancePaise = info.normal === 'credit' ? total : -total;
      return {
        kind,
        label: info.label,
        normalBalance: info.normal,
        balancePaise: balancePaise === 0 ? 0 : balancePaise,
        entries: Number(byKind.get(kind)?.entries ?? 0),
      };
    }),
    wallets: Number(walletRows[0]?.wallets ?? 0),
    reconciliation: {
      checkedAccounts: comparison.checkedAccounts,
      driftAccounts: comparison.drift.length,
      unbalancedPostings: comparison.unbalancedPostings,
      ledgerTotalPaise: comparison.ledgerTotalPaise,
      drift: driftCount(comparison),
      checkedAt: new Date().toISOString(),
    },
  };
}
