import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { pageQuerySchema, toPage } from '../../platform/http/pagination.js';
import type { AuditContext } from '../audit/index.js';
import {
  invitationAdminRepository,
  invitationStatuses,
  type InvitationListRow,
} from './invitation-admin.repository.js';
import { recordNetworkChange, type NetworkDeps } from './network.deps.js';
import { partnerTypes } from './network.tables.js';

export const invitationListQuerySchema = pageQuerySchema
  .extend({ status: z.enum(invitationStatuses).optional() })
  .strict();
export type InvitationListQuery = z.infer<typeof invitationListQuerySchema>;

export const invitationEntrySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  partnerType: z.enum(partnerTypes),
  status: z.enum(invitationStatuses),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type InvitationEntry = z.infer<typeof invitationEntrySchema>;

function entryOf(row: InvitationListRow): InvitationEntry {
  return {
    id: row.id,
    email: row.email,
    partnerType: row.partnerType,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** The brand's partner invitations, newest first, optionally of one status. */
export async function listInvitations(
  deps: NetworkDeps,
  brandId: string,
  query: InvitationListQuery,
): Promise<{ items: InvitationEntry[]; nextCursor: string | null }> {
  const rows = await invitationAdminRepository.page(deps.db, brandId, {
    status: query.status,
    limit: query.limit + 1,
    cursor: query.cursor,
  });
  return toPage(rows, query.limit, entryOf, (row) => row.id);
}

/**
 * A brand withdraws a pending invitation: its token stops working at once. Another brand's id is
 * NOT_FOUND; an accepted, expired or already revoked invitation is a CONFLICT.
 */
export async function revokeInvitation(
  deps: NetworkDeps,
  brandId: string,
  id: string,
  audit: AuditContext,
): Promise<InvitationEntry> {
  return inTransaction(deps.pool, async (tx) => {
    const current = await invitationAdminRepository.findForBrand(tx.db, brandId, id);
    if (!current) throw new AppError('NOT_FOUND', { detail: 'No such invitation.' });
    if (current.status !== 'pending')
      throw new AppError('CONFLICT', {
        detail: `Only a pending invitation can be revoked; this one is ${current.status}.`,
      });
    await invitationAdminRepository.markRevoked(tx.db, id);
    const before = entryOf(current);
    const after = { ...before, status: 'revoked' as const };
    await recordNetworkChange(deps, tx, {
      audit,
      organizationId: brandId,
      entityType: 'partner_invitation',
      entityId: id,
      before,
      after,
      event: 'partner.invitation_revoked',
      payload: {
        invitationId: id,
        brandId,
        email: current.email,
        partnerType: current.partnerType,
      },
    });
    return after;
  });
}
