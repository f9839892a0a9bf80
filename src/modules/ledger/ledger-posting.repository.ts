import type { Tx } from '../../platform/db/transaction.js';
import type { PostingKind } from './ledger.tables.js';

/** One entry as written: account, signed amount, the account's balance after (wallets only). */
export interface EntryWrite {
  accountId: string;
  amountPaise: number;
  balanceAfterPaise: number | null;
}

export interface PostingWrite {
  reference: string;
  kind: PostingKind;
  organizationId: string | null;
  walletDeltaPaise: number;
  walletBalanceAfterPaise: number | null;
  description: string | null;
  actorUserId: string | null;
  entries: readonly EntryWrite[];
  /** Relative changes of the locked wallet accounts' cached balances. */
  walletDeltas: readonly { accountId: string; deltaPaise: number }[];
}

/** A posting as first written, for answering a retry. */
export interface StoredPosting {
  id: number;
  kind: PostingKind;
  organizationId: string | null;
  walletBalanceAfterPaise: number | null;
  /** The posting's entry on the wallet's available account, if any. */
  availableEntryId: string | null;
}

/** Writes and reads of postings and their entries (append-only: triggers refuse the rest). */
export const ledgerPostingRepository = {
  /**
   * Writes the posting, its entries and the cached wallet balances in ONE statement (one round
   * trip). When the reference exists already nothing is written and null comes back: the caller
   * answers the retry with the first posting. The relative update lets the CHECK constraints
   * judge the real result; the deferred trigger checks the entries sum to zero at commit.
   */
  async write(tx: Tx, posting: PostingWrite): Promise<{ id: number; entryIds: string[] } | null> {
    const { rows } = await tx.client.query<{ id: string | null; entry_ids: string[] | null }>(
      `with p as (
         insert into ledger_postings
           (reference, kind, organization_id, wallet_delta_paise, wallet_balance_after_paise,
            description, actor_user_id)
         values ($1, $2, $3, $4, $5, $6, $7)
         on conflict (reference) do nothing
         returning id),
       e as (
         insert into ledger_entries (posting_id, account_id, amount_paise, balance_after_paise)
         select p.id, l.account_id, l.amount_paise, l.balance_after_paise
           from p, unnest($8::uuid[], $9::bigint[], $10::bigint[]) with ordinality
                     as l(account_id, amount_paise, balance_after_paise, n)
          order by l.n
         returning id),
       u as (
         update ledger_accounts a
            set balance_paise = a.balance_paise + w.delta_paise
           from p, unnest($11::uuid[], $12::bigint[]) as w(account_id, delta_paise)
          where a.id = w.account_id
         returning a.id)
       select (select id from p)::text as id,
              (select array_agg(id::text order by id) from e) as entry_ids,
              (select count(*) from u) as updated`,
      [
        posting.reference,
        posting.kind,
        posting.organizationId,
        posting.walletDeltaPaise,
        posting.walletBalanceAfterPaise,
        posting.description,
        posting.actorUserId,
        posting.entries.map((entry) => entry.accountId),
        posting.entries.map((entry) => entry.amountPaise),
        posting.entries.map((entry) => entry.balanceAfterPaise),
        posting.walletDeltas.map((delta) => delta.accountId),
        posting.walletDeltas.map((delta) => delta.deltaPaise),
      ],
    );
    const row = rows[0];
    if (!row || row.id === null) return null;
    return { id: Number(row.id), entryIds: row.entry_ids ?? [] };
  },

  /** The posting of a reference (a new statement: sees what committed while we waited). */
  async find(tx: Tx, reference: string): Promise<StoredPosting | null> {
    const { rows } = await tx.client.query<{
      id: string;
      kind: PostingKind;
      organization_id: string | null;
      wallet_balance_after_paise: string | null;
      available_entry_id: string | null;
    }>(
      `select p.id::text, p.kind, p.organization_id,
              p.wallet_balance_after_paise::text as wallet_balance_after_paise,
              (select e.id::text from ledger_entries e
                 join ledger_accounts a on a.id = e.account_id and a.kind = 'wallet_available'
                where e.posting_id = p.id
                order by e.id limit 1) as available_entry_id
         from ledger_postings p
        where p.reference = $1`,
      [reference],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      id: Number(row.id),
      kind: row.kind,
      organizationId: row.organization_id,
      walletBalanceAfterPaise:
        row.wallet_balance_after_paise === null ? null : Number(row.wallet_balance_after_paise),
      availableEntryId: row.available_entry_id,
    };
  },
};
