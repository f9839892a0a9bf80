import type { Tx } from '../../platform/db/transaction.js';
import { compareLevelKeys } from './stock-ledger.rules.js';
import { stockLevelLockRepository, type LockedLevel } from './stock-level-lock.repository.js';

export type { LockedLevel };

/**
 * Creates the organization's missing stock levels of `keys` (zero) and locks them all, in the
 * caller's transaction, for a caller that must read levels before it knows its changes (the CSV
 * stock import turns "set to N" into a delta). This is the ledger's own step: keys deduplicated
 * and taken in (location, part) order — step 3 of the one lock order (docs/architecture.md,
 * "Lock order"), so take it after any document's reservation rows and before the audit entry;
 * `applyStockChanges` in the same transaction then finds the levels already held. Keys whose
 * location is not the organization's get no level and are missing from the answer.
 */
export async function lockStockLevels(
  tx: Tx,
  organizationId: string,
  keys: readonly { locationId: string; partId: string }[],
): Promise<LockedLevel[]> {
  const unique = [
    ...new Map(
      keys.map(({ locationId, partId }) => [`${locationId}/${partId}`, { locationId, partId }]),
    ).values(),
  ].sort(compareLevelKeys);
  await stockLevelLockRepository.ensure(tx, organizationId, unique);
  return stockLevelLockRepository.lock(tx, organizationId, unique);
}
