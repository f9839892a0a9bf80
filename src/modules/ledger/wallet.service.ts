import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { LedgerDeps } from './ledger.deps.js';
import { defaultLowBalanceThresholdPaise } from './ledger.js';
import { maxAmountPaise } from './ledger.rules.js';
import { walletSettingsRepository } from './wallet-settings.repository.js';
import { walletBalance } from './wallet-postings.service.js';

export const walletSchema = z.object({
  balancePaise: z.number().int().describe('available + held'),
  heldPaise: z.number().int().describe('held for bookings not yet charged'),
  availablePaise: z.number().int().describe('what new bookings and refunds may use'),
  lowBalanceThresholdPaise: z
    .number()
    .int()
    .describe('an alert is raised when available falls to or below this'),
});
export type WalletView = z.infer<typeof walletSchema>;

export const thresholdBodySchema = z
  .object({ lowBalanceThresholdPaise: z.number().int().min(0).max(maxAmountPaise) })
  .strict();

/** The caller's wallet: balances and the low-balance threshold (the default until one is set). */
export async function walletOf(db: Db, organizationId: string): Promise<WalletView> {
  const [balances, threshold] = await Promise.all([
    walletBalance(db, organizationId),
    walletSettingsRepository.threshold(db, organizationId),
  ]);
  return { ...balances, lowBalanceThresholdPaise: threshold ?? defaultLowBalanceThresholdPaise };
}

/**
 * Sets the wallet's low-balance threshold, audited with before and after. The next posting that
 * takes available from above it to at or below it raises `ledger.wallet_low_balance`.
 */
export async function setLowBalanceThreshold(
  deps: LedgerDeps,
  organizationId: string,
  thresholdPaise: number,
  audit: AuditContext,
): Promise<WalletView> {
  await inTransaction(deps.pool, async (tx) => {
    const before = await walletSettingsRepository.threshold(tx.db, organizationId);
    await walletSettingsRepository.setThreshold(tx.db, organizationId, thresholdPaise);
    if (before !== thresholdPaise)
      await recordAudit(tx, {
        ...audit,
        organizationId,
        action: 'wallet.threshold_changed',
        entityType: 'wallet',
        entityId: organizationId,
        before: { lowBalanceThresholdPaise: before ?? defaultLowBalanceThresholdPaise },
        after: { lowBalanceThresholdPaise: thresholdPaise },
      });
  });
  return walletOf(deps.db, organizationId);
}
