import type pg from 'pg';
import { and, desc, eq, gte, inArray, lt, lte, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { ledgerPostings, type PostingKind } from './ledger.tables.js';

/** A statement line: one posting that changed the wallet's balance. */
export interface StatementRow {
  id: number;
  kind: PostingKind;
  walletDeltaPaise: number;
  walletBalanceAfterPaise: number | null;
  reference: string;
  description: string | null;
  createdAt: Date;
}

export interface StatementFilter {
  kinds?: readonly PostingKind[] | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  beforeId?: number | undefined;
}

const columns = {
  id: ledgerPostings.id,
  kind: ledgerPostings.kind,
  walletDeltaPaise: ledgerPostings.walletDeltaPaise,
  walletBalanceAfterPaise: ledgerPostings.walletBalanceAfterPaise,
  reference: ledgerPostings.reference,
  description: ledgerPostings.description,
  createdAt: ledgerPostings.createdAt,
};

function conditions(organizationId: string, filter: StatementFilter): SQL | undefined {
  return and(
    eq(ledgerPostings.organizationId, organizationId),
    // Holds and releases move money inside the wallet: the statement shows what changed its
    // balance (the held tile shows what is held).
    ne(ledgerPostings.walletDeltaPaise, 0),
    filter.kinds ? inArray(ledgerPostings.kind, [...filter.kinds]) : undefined,
    filter.from ? gte(ledgerPostings.createdAt, filter.from) : undefined,
    filter.to ? lte(ledgerPostings.createdAt, filter.to) : undefined,
    filter.beforeId !== undefined ? lt(ledgerPostings.id, filter.beforeId) : undefined,
  );
}

/** The statement of one organization's wallet; every query is filtered by the organization. */
export const walletStatementRepository = {
  /** Newest first, `limit` rows older than `beforeId`. */
  async page(
    db: Db,
    organizationId: string,
    filter: StatementFilter,
    limit: number,
  ): Promise<StatementRow[]> {
    return db
      .select(columns)
      .from(ledgerPostings)
      .where(conditions(organizationId, filter))
      .orderBy(desc(ledgerPostings.id))
      .limit(limit);
  },

  /** The whole filtered statement, oldest first, a keyset batch at a time (CSV export). */
  async *batches(
    pool: pg.Pool,
    organizationId: string,
    filter: StatementFilter,
    batchSize = 1000,
  ): AsyncGenerator<StatementRow[]> {
    let afterId = 0;
    for (;;) {
      const { rows } = await pool.query<{
        id: string;
        kind: PostingKind;
        wallet_delta_paise: string;
        wallet_balance_after_paise: string | null;
        reference: string;
        description: string | null;
        created_at: Date;
      }>(
        `select id::text, kind, wallet_delta_paise::text, wallet_balance_after_paise::text,
                reference, description, created_at
           from ledger_postings
          where organization_id = $1 and wallet_delta_paise <> 0 and id > $2
            and ($3::text[] is null or kind = any($3))
            and ($4::timestamptz is null or created_at >= $4)
            and ($5::timestamptz is null or created_at <= $5)
          order by id
          limit $6`,
        [
          organizationId,
          afterId,
          filter.kinds ? [...filter.kinds] : null,
          filter.from ?? null,
          filter.to ?? null,
          batchSize,
        ],
      );
      if (rows.length === 0) return;
      yield rows.map((row) => ({
        id: Number(row.id),
        kind: row.kind,
        walletDeltaPaise: Number(row.wallet_delta_paise),
        walletBalanceAfterPaise:
          row.wallet_balance_after_paise === null ? null : Number(row.wallet_balance_after_paise),
        reference: row.reference,
        description: row.description,
        createdAt: row.created_at,
      }));
      afterId = Number(rows.at(-1)?.id);
      if (rows.length < batchSize) return;
    }
  },
};
