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
import { hashSecret } from '../../platform/crypto/secret-hash.js';
import { admitWithin, invitationResendLimit } from '../../platform/limits/resend-window.js';
import {
  enqueueInvitationEmail,
  invitationLifetimeMs,
  newInvitationLink,
} from './invitation.service.js';
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

export const resentInvitationSchema = invitationEntrySchema.extend({
  acceptUrl: z
    .string()
    .optional()
    .describe('Sandbox e-mail mode only: the link the new invitation e-mail carries'),
});
export type ResentInvitation = z.infer<typeof resentInvitationSchema>;

/**
 * A brand resends a pending invitation: a new token in a new e-mail (naming whoever resends it),
 * the old link stops working at once, and the 7 days start again. At most 3 resends an hour per
 * invitation (`RESEND_LIMIT_REACHED`, 429, with `retryAfterSeconds`): each one e-mails the
 * invitee. Another brand's id is NOT_FOUND; an accepted, expired or revoked invitation is a
 * CONFLICT (invite again instead). Audited as `partner.invitation_resent`; the token is never in
 * the audit log or the event.
 */
export async function resendInvitation(
  deps: NetworkDeps,
  brandId: string,
  id: string,
  audit: AuditContext,
  /** The origin the brand used (`APP_URL` wins; production requires it). */
  requestOrigin?: string,
): Promise<ResentInvitation> {
  const { token, acceptUrl } = newInvitationLink(deps, requestOrigin);
  const resent = await inTransaction(deps.pool, async (tx) => {
    const current = await invitationAdminRepository.findForBrand(tx.db, brandId, id);
    if (!current) throw new AppError('NOT_FOUND', { detail: 'No such invitation.' });
    if (current.status !== 'pending')
      throw new AppError('CONFLICT', {
        detail: `Only a pending invitation can be resent; this one is ${current.status}. Send a new invitation instead.`,
      });
    const now = new Date();
    const decision = admitWithin(current.resentAt, now, invitationResendLimit);
    if (!decision.admitted)
      throw new AppError('RESEND_LIMIT_REACHED', {
        detail: `This invitation was resent ${invitationResendLimit.max} times in the last hour; try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minute(s).`,
        extensions: { retryAfterSeconds: decision.retryAfterSeconds },
      });
    const row = await invitationAdminRepository.reissue(tx.db, id, {
      tokenHash: hashSecret(token),
      expiresAt: new Date(now.getTime() + invitationLifetimeMs),
      resentAt: decision.recent,
    });
    const before = entryOf(current);
    const after = entryOf(row);
    await recordNetworkChange(deps, tx, {
      audit,
      organizationId: brandId,
      entityType: 'partner_invitation',
      entityId: id,
      before,
      after,
      event: 'partner.invitation_resent',
      payload: {
        invitationId: id,
        brandId,
        email: row.email,
        partnerType: row.partnerType,
        expiresAt: after.expiresAt,
      },
    });
    await enqueueInvitationEmail(
      deps,
      tx,
      { brandId, email: row.email, partnerType: row.partnerType, expiresAt: row.expiresAt },
      { acceptUrl, resent: true },
      audit,
    );
    return after;
  });
  if (deps.invitations.emailMode !== 'sandbox') return resent;
  return { ...resent, acceptUrl };
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
