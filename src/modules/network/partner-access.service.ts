/**
 * What other modules ask the partner network: whether an organization may see and stock a
 * brand's parts (catalog browsing, stock operations, stock imports), and the demo world's links.
 */
import type { Db } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { PartnerType } from './network.tables.js';
import { partnerLinkRepository } from './partner-link.repository.js';

/**
 * Whether `partnerOrganizationId` is an active partner of `brandId` — the check brand data is
 * authorised with (catalog browsing, stock of a brand's parts). `db` may be a transaction's.
 */
export function isActivePartner(
  db: Db,
  brandId: string,
  partnerOrganizationId: string,
): Promise<boolean> {
  return partnerLinkRepository.isActive(db, brandId, partnerOrganizationId);
}

/** The brands `partnerOrganizationId` is an active partner of (a handful per partner). */
export function activePartnerBrandIds(db: Db, partnerOrganizationId: string): Promise<string[]> {
  return partnerLinkRepository.activeBrandIds(db, partnerOrganizationId);
}

/**
 * Makes the pair's link active whatever its state, in the caller's transaction: for links the
 * installation itself establishes (the demo world, re-seeded at will), not audited. Partners join
 * through access requests and invitations, where a suspended or revoked link is a conflict
 * (`activatePartnerLink`).
 */
export async function ensureActivePartnerLink(
  tx: Tx,
  pair: { brandId: string; partnerId: string; partnerType: PartnerType },
): Promise<void> {
  await partnerLinkRepository.activate(tx.db, pair);
}
