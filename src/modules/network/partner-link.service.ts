import { z } from 'zod';
import type { Tx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { inTransaction } from '../../platform/db/transaction.js';
import type { Caller } from '../../platform/http/caller.js';
import { toPage, type PageQuery } from '../../platform/http/pagination.js';
import type { AuditContext } from '../audit/index.js';
import { recordNetworkChange, type NetworkDeps } from './network.deps.js';
import { partnerLinkStatuses, type PartnerLinkStatus, type PartnerType } from './network.tables.js';
import { partnerLinkRepository, type PartnerLinkRow } from './partner-link.repository.js';

export const partnerLinkStatusSchema = z.enum(partnerLinkStatuses);

export const networkEntrySchema = z.union([
  z.object({
    partnerId: z.uuid(),
    name: z.string(),
    type: z.string(),
    status: partnerLinkStatusSchema,
    since: z.iso.datetime(),
  }),
  z.object({
    brandId: z.uuid(),
    name: z.string(),
    status: partnerLinkStatusSchema,
    since: z.iso.datetime(),
  }),
]);
export type NetworkEntry = z.infer<typeof networkEntrySchema>;

export const linkStatusSchema = z.object({ partnerId: z.uuid(), status: partnerLinkStatusSchema });

function linkView(row: PartnerLinkRow) {
  return {
    brandId: row.brandId,
    partnerId: row.partnerId,
    partnerType: row.partnerType,
    status: row.status,
  };
}

/**
 * Makes the pair's link active (approval or accepted invitation). A suspended link is only
 * reactivated by the brand, and a revoked one is final: both are conflicts here.
 */
export async function activatePartnerLink(
  tx: Tx,
  pair: { brandId: string; partnerId: string; partnerType: PartnerType },
): Promise<PartnerLinkRow> {
  const existing = await partnerLinkRepository.find(tx.db, pair.brandId, pair.partnerId);
  if (existing?.status === 'revoked')
    throw new AppError('CONFLICT', { detail: 'The brand revoked this partnership for good.' });
  if (existing?.status === 'suspended')
    throw new AppError('CONFLICT', {
      detail: 'The partnership is suspended; the brand must reactivate it.',
    });
  return partnerLinkRepository.activate(tx.db, pair);
}

/** A brand's partners, or a partner's brands, newest link first. */
export async function listNetwork(
  deps: NetworkDeps,
  caller: Caller,
  query: PageQuery,
): Promise<{ items: NetworkEntry[]; nextCursor: string | null }> {
  const side = caller.organizationType === 'brand' ? 'brand' : 'partner';
  const rows = await partnerLinkRepository.page(
    deps.db,
    side,
    caller.organizationId,
    query.limit + 1,
    query.cursor,
  );
  return toPage(
    rows,
    query.limit,
    (row): NetworkEntry => {
      const common = { name: row.name, status: row.status, since: row.since.toISOString() };
      return side === 'brand'
        ? { partnerId: row.organizationId, type: row.type, ...common }
        : { brandId: row.organizationId, ...common };
    },
    (row) => row.linkId,
  );
}

const transitions = {
  suspend: { from: ['active'], to: 'suspended', event: 'partner.suspended' },
  reactivate: { from: ['suspended'], to: 'active', event: 'partner.reactivated' },
  revoke: { from: ['active', 'suspended'], to: 'revoked', event: 'partner.revoked' },
} as const satisfies Record<
  string,
  { from: readonly PartnerLinkStatus[]; to: PartnerLinkStatus; event: string }
>;
export type LinkTransition = keyof typeof transitions;

/** A brand changes one partner link; other brands' partners are NOT_FOUND. Revoked is final. */
export async function changePartnerLink(
  deps: NetworkDeps,
  brandId: string,
  partnerId: string,
  transition: LinkTransition,
  audit: AuditContext,
): Promise<{ partnerId: string; status: PartnerLinkStatus }> {
  const rule = transitions[transition];
  return inTransaction(deps.pool, async (tx) => {
    const current = await partnerLinkRepository.find(tx.db, brandId, partnerId);
    if (!current || current.status === 'pending')
      throw new AppError('NOT_FOUND', { detail: 'No such partner in your network.' });
    if (!(rule.from as readonly PartnerLinkStatus[]).includes(current.status)) {
      throw new AppError('CONFLICT', {
        detail: `Cannot ${transition} a partnership that is ${current.status}.`,
      });
    }
    const updated = await partnerLinkRepository.setStatus(tx.db, current.id, rule.to);
    await recordNetworkChange(deps, tx, {
      audit,
      organizationId: brandId,
      entityType: 'partner_link',
      entityId: current.id,
      before: linkView(current),
      after: linkView(updated),
      event: rule.event,
      payload: linkView(updated),
    });
    return { partnerId, status: updated.status };
  });
}

export { linkView };
