import type pg from 'pg';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { creditTopUp } from '../../../src/modules/ledger/index.js';

/** Credits a wallet as a captured top-up would (the payments module's call). */
export async function fund(
  pool: pg.Pool,
  organizationId: string,
  amountPaise: number,
  reference = `topup:${crypto.randomUUID()}`,
): Promise<void> {
  await inTransaction(pool, (tx) => creditTopUp(tx, { organizationId, amountPaise, reference }));
}

/** Every posting's entries, summed per posting, and the grand total. */
export async function ledgerTotals(
  pool: pg.Pool,
): Promise<{ total: number; unbalanced: number; postings: number }> {
  const { rows } = await pool.query<{ total: string; unbalanced: string; postings: string }>(
    `select (select coalesce(sum(amount_paise), 0) from ledger_entries)::text as total,
            (select count(*) from (select posting_id from ledger_entries group by posting_id
                                    having sum(amount_paise) <> 0) u)::text as unbalanced,
            (select count(*) from ledger_postings)::text as postings`,
  );
  const row = rows[0] as { total: string; unbalanced: string; postings: string };
  return {
    total: Number(row.total),
    unbalanced: Number(row.unbalanced),
    postings: Number(row.postings),
  };
}
