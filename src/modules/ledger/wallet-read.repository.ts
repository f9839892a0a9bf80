import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { ledgerAccounts } from './ledger.tables.js';

/** Reads of a wallet's cached balances and settings; every query is filtered by organization. */
export const walletReadRepository = {
  async balances(
    db: Db,
    organizationId: string,
  ): Promise<{ availablePaise: number; heldPaise: number }> {
    const rows = await db
      .select({ kind: ledgerAccounts.kind, balancePaise: ledgerAccounts.balancePaise })
      .from(ledgerAccounts)
      .where(
        and(
          eq(ledgerAccounts.organizationId, organizationId),
          isNotNull(ledgerAccounts.balancePaise),
        ),
      );
    const of = (kind: string) => rows.find((row) => row.kind === kind)?.balancePaise ?? 0;
    return { availablePaise: of('wallet_available'), heldPaise: of('wallet_held') };
  },
};
