import type { Tx } from '../../platform/db/transaction.js';
import type { HoldStatus } from './ledger.tables.js';

/** A hold as locked before its capture or release. */
export interface LockedHold {
  reference: string;
  organizationId: string;
  amountPaise: number;
  status: HoldStatus;
}

/** The holds' document rows (`ledger_holds`): locked before the wallet (lock order: documents). */
export const ledgerHoldRepository = {
  async insert(
    tx: Tx,
    hold: { reference: string; organizationId: string; amountPaise: number },
  ): Promise<void> {
    await tx.client.query(
      `insert into ledger_holds (reference, organization_id, amount_paise) values ($1, $2, $3)`,
      [hold.reference, hold.organizationId, hold.amountPaise],
    );
  },

  /** Locks the hold `for update` and reads it; null when no hold has this reference. */
  async lock(tx: Tx, reference: string): Promise<LockedHold | null> {
    const { rows } = await tx.client.query<{
      reference: string;
      organization_id: string;
      amount_paise: string;
      status: HoldStatus;
    }>(
      `select reference, organization_id, amount_paise::text as amount_paise, status
         from ledger_holds where reference = $1 for update`,
      [reference],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      reference: row.reference,
      organizationId: row.organization_id,
      amountPaise: Number(row.amount_paise),
      status: row.status,
    };
  },

  async settle(tx: Tx, reference: string, status: 'captured' | 'released'): Promise<void> {
    await tx.client.query(
      `update ledger_holds set status = $2, settled_at = now() where reference = $1 and status = 'held'`,
      [reference, status],
    );
  },
};
