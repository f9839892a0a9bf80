import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { walletSettings } from './ledger.tables.js';

/** The wallet's settings row (absent until an owner or admin sets something). */
export const walletSettingsRepository = {
  async threshold(db: Db, organizationId: string): Promise<number | null> {
    const [row] = await db
      .select({ threshold: walletSettings.lowBalanceThresholdPaise })
      .from(walletSettings)
      .where(eq(walletSettings.organizationId, organizationId));
    return row?.threshold ?? null;
  },

  /** Sets the threshold; returns the previous one (null: the default applied). */
  async setThreshold(db: Db, organizationId: string, thresholdPaise: number): Promise<void> {
    await db
      .insert(walletSettings)
      .values({ organizationId, lowBalanceThresholdPaise: thresholdPaise })
      .onConflictDoUpdate({
        target: walletSettings.organizationId,
        set: { lowBalanceThresholdPaise: thresholdPaise, updatedAt: sql`now()` },
      });
  },
};
