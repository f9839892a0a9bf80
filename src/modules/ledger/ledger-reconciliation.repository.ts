import type pg from 'pg';

/** A wallet account whose cached balance differs from its entries (or held from its holds). */
export interface AccountDrift {
  accountId: string;
  organizationId: string;
  kind: 'wallet_available' | 'wallet_held';
  cachedPaise: number;
  ledgerPaise: number;
  /** Held accounts: what the organization's open holds add up to. */
  openHoldsPaise: number | null;
}

/** What one comparison found. */
export interface LedgerComparison {
  checkedAccounts: number;
  drift: AccountDrift[];
  /** Sum of every entry ever written: zero in a double-entry ledger. */
  ledgerTotalPaise: number;
  /** Postings whose entries do not sum to zero (the deferred trigger makes this impossible). */
  unbalancedPostings: number;
}

/**
 * Recomputes every wallet's balances from the entries and compares, in ONE statement (one
 * snapshot, so concurrent postings never show as drift).
 */
export const ledgerReconciliationRepository = {
  async compare(pool: pg.Pool): Promise<LedgerComparison> {
    const { rows } = await pool.query<{
      checked: string;
      ledger_total: string;
      unbalanced: string;
      drift: Array<{
        account_id: string;
        organization_id: string;
        kind: 'wallet_available' | 'wallet_held';
        cached: string;
        ledger: string;
        open_holds: string | null;
      }> | null;
    }>(
      `with sums as (
         select a.id, a.organization_id, a.kind, a.balance_paise as cached,
                coalesce(sum(e.amount_paise), 0) as ledger
           from ledger_accounts a
           left join ledger_entries e on e.account_id = a.id
          where a.balance_paise is not null
          group by a.id),
       holds as (
         select organization_id, sum(amount_paise) as held
           from ledger_holds where status = 'held'
          group by organization_id),
       compared as (
         select s.*, case when s.kind = 'wallet_held' then coalesce(h.held, 0) end as open_holds
           from sums s left join holds h on h.organization_id = s.organization_id)
       select (select count(*) from compared)::text as checked,
              (select coalesce(sum(amount_paise), 0) from ledger_entries)::text as ledger_total,
              (select count(*) from (select 1 from ledger_entries group by posting_id
                                      having sum(amount_paise) <> 0) u)::text as unbalanced,
              (select json_agg(json_build_object(
                        'account_id', c.id, 'organization_id', c.organization_id, 'kind', c.kind,
                        'cached', c.cached::text, 'ledger', c.ledger::text,
                        'open_holds', c.open_holds::text) order by c.id)
                 from compared c
                where c.cached <> c.ledger or c.cached <> coalesce(c.open_holds, c.cached)) as drift`,
    );
    const row = rows[0];
    if (!row) throw new Error('ledger reconciliation returned nothing');
    return {
      checkedAccounts: Number(row.checked),
      ledgerTotalPaise: Number(row.ledger_total),
      unbalancedPostings: Number(row.unbalanced),
      drift: (row.drift ?? []).map((item) => ({
        accountId: item.account_id,
        organizationId: item.organization_id,
        kind: item.kind,
        cachedPaise: Number(item.cached),
        ledgerPaise: Number(item.ledger),
        openHoldsPaise: item.open_holds === null ? null : Number(item.open_holds),
      })),
    };
  },
};
