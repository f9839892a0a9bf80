import type { Tx } from '../../platform/db/transaction.js';
import type { PlatformAccountKind, WalletAccountKind } from './ledger.tables.js';

/**
 * The platform's accounts, created by the migration with these fixed ids (the migration and this
 * table must agree; an integration test checks). Never locked: they cache no balance (ADR 0011).
 */
export const platformAccountIds: Readonly<Record<PlatformAccountKind, string>> = {
  gateway_clearing: '00000000-0000-4000-a000-000000000001',
  refunds_payable: '00000000-0000-4000-a000-000000000002',
  freight_revenue: '00000000-0000-4000-a000-000000000003',
  margin: '00000000-0000-4000-a000-000000000004',
  gst_payable: '00000000-0000-4000-a000-000000000005',
  adjustments: '00000000-0000-4000-a000-000000000006',
};

/** An organization's wallet as locked by the ledger's writer. */
export interface LockedWallet {
  accountIds: Record<WalletAccountKind, string>;
  availablePaise: number;
  heldPaise: number;
  /** The organization's low-balance alert threshold, null when it never set one. */
  lowBalanceThresholdPaise: number | null;
}

interface LockedRow {
  id: string;
  kind: WalletAccountKind;
  balance_paise: string;
  low_balance_threshold_paise: string | null;
}

async function lockRows(tx: Tx, organizationId: string): Promise<LockedRow[]> {
  const { rows } = await tx.client.query<LockedRow>(
    `select a.id, a.kind, a.balance_paise::text as balance_paise,
            s.low_balance_threshold_paise::text as low_balance_threshold_paise
       from ledger_accounts a
       left join wallet_settings s on s.organization_id = a.organization_id
      where a.organization_id = $1
      order by a.id
        for update of a`,
    [organizationId],
  );
  return rows;
}

/**
 * The ledger's row locks on `ledger_accounts`: an organization's two wallet accounts, locked
 * together `for update` in id order (the sort sits below the lock), so two postings on one wallet
 * queue behind each other and never deadlock.
 *
 * THE lock order of every transaction that touches stock or money (docs/architecture.md, "Lock
 * order"); a lock is never taken after one that comes later in this list:
 *   1. the idempotency key row (claimed before the operation runs);
 *   2. document rows: stock reservations (`stock_reservations`, by type then id), a wallet hold
 *      (`ledger_holds`, captureHold / releaseHold), a posting's unique reference;
 *   3. locations `for key share`, then stock levels by (location, part)
 *      (stock-level-lock.repository.ts);
 *   4. wallet accounts by id (this file; one wallet per posting);
 *   5. the audit chain, last (`recordAudit` after the ledgers).
 * A shipment booking (issue 13) thus reserves its stock before it holds the charge.
 */
export const ledgerAccountLockRepository = {
  /**
   * Locks the organization's wallet accounts (creating them at zero on its first posting) and
   * reads their balances and the wallet's low-balance threshold. One statement in the usual case.
   */
  async lockWallet(tx: Tx, organizationId: string): Promise<LockedWallet> {
    let rows = await lockRows(tx, organizationId);
    if (rows.length < 2) {
      // First posting of this wallet: a concurrent first posting makes this wait, then skip.
      await tx.client.query(
        `insert into ledger_accounts (organization_id, kind, balance_paise)
         values ($1, 'wallet_available', 0), ($1, 'wallet_held', 0)
         on conflict do nothing`,
        [organizationId],
      );
      rows = await lockRows(tx, organizationId);
    }
    const available = rows.find((row) => row.kind === 'wallet_available');
    const held = rows.find((row) => row.kind === 'wallet_held');
    if (!available || !held) throw new Error('ledger: wallet accounts missing after creation');
    const threshold = available.low_balance_threshold_paise;
    return {
      accountIds: { wallet_available: available.id, wallet_held: held.id },
      availablePaise: Number(available.balance_paise),
      heldPaise: Number(held.balance_paise),
      lowBalanceThresholdPaise: threshold === null ? null : Number(threshold),
    };
  },
};
