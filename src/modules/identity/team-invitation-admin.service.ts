import type pg from 'pg';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { pageQuerySchema, toPage } from '../../platform/http/pagination.js';
import { hashSecret } from '../../platform/crypto/secret-hash.js';
import { admitWithin, invitationResendLimit } from '../../platform/limits/resend-window.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { EmailOutbox } from '../notifications/index.js';
import {
  staffInvitationStatuses,
  teamInvitationAdminRepository,
  type StaffInvitationListRow,
} from './team-invitation-admin.repository.js';
import { memberRoleSchema, type TeamActor } from './team.service.js';
import {
  enqueueStaffInvitationEmail,
  invitationTtlDays,
  newStaffInvitationLink,
} from './team-invitation.service.js';

export interface TeamInvitationAdminDeps {
  pool: pg.Pool;
  db: Db;
  /** Resending e-mails a new link. */
  outbox: EmailOutbox;
  appUrl: string | undefined;
  fallbackOrigin: string;
}

export const staffInvitationListQuerySchema = pageQuerySchema
  .extend({ status: z.enum(staffInvitationStatuses).optional() })
  .strict();
export type StaffInvitationListQuery = z.infer<typeof staffInvitationListQuerySchema>;

export const staffInvitationEntrySchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: memberRoleSchema,
  status: z.enum(staffInvitationStatuses),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});
export type StaffInvitationEntry = z.infer<typeof staffInvitationEntrySchema>;

function entryOf(row: Omit<StaffInvitationListRow, 'resentAt'>): StaffInvitationEntry {
  return {
    id: row.id,
    email: row.email,
    role: row.role,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
  };
}

/** The organization's staff invitations, newest first, optionally of one status. */
export async function listStaffInvitations(
  deps: TeamInvitationAdminDeps,
  organizationId: string,
  query: StaffInvitationListQuery,
): Promise<{ items: StaffInvitationEntry[]; nextCursor: string | null }> {
  const rows = await teamInvitationAdminRepository.page(deps.db, organizationId, {
    status: query.status,
    limit: query.limit + 1,
    cursor: query.cursor,
  });
  return toPage(rows, query.limit, entryOf, (row) => row.id);
}

/**
 * Resends a pending staff invitation: a new token in a new e-mail (naming whoever resends), the
 * old link stops working at once and the 7 days start again. At most 3 resends an hour per
 * invitation (`RESEND_LIMIT_REACHED`, 429, `retryAfterSeconds`). Another organization's id is
 * NOT_FOUND; only an owner resends an owner invitation (FORBIDDEN); an accepted, expired or
 * revoked one is a CONFLICT. Audited as `invitation.resent`, without the token.
 */
export async function resendStaffInvitation(
  deps: TeamInvitationAdminDeps,
  actor: TeamActor,
  id: string,
  audit: AuditContext,
  /** The origin the inviter used (`APP_URL` wins; production requires it). */
  requestOrigin?: string,
): Promise<StaffInvitationEntry> {
  const { token, acceptUrl } = newStaffInvitationLink(deps, requestOrigin);
  return inTransaction(deps.pool, async (tx) => {
    const current = await teamInvitationAdminRepository.findForOrganization(
      tx.db,
      actor.organizationId,
      id,
    );
    if (!current) throw new AppError('NOT_FOUND', { detail: 'No such invitation.' });
    if (current.role === 'owner' && actor.role !== 'owner')
      throw new AppError('FORBIDDEN', { detail: 'Only an owner may resend an owner invitation.' });
    if (current.status !== 'pending')
      throw new AppError('CONFLICT', {
        detail: `Only a pending invitation can be resent; this one is ${current.status}. Invite them again instead.`,
      });
    const now = new Date();
    const decision = admitWithin(current.resentAt, now, invitationResendLimit);
    if (!decision.admitted)
      throw new AppError('RESEND_LIMIT_REACHED', {
        detail: `This invitation was resent ${invitationResendLimit.max} times in the last hour; try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minute(s).`,
        extensions: { retryAfterSeconds: decision.retryAfterSeconds },
      });
    const row = await teamInvitationAdminRepository.reissue(tx.db, id, {
      tokenHash: hashSecret(token),
      expiresAt: new Date(now.getTime() + invitationTtlDays * 24 * 60 * 60 * 1000),
      resentAt: decision.recent,
    });
    const before = entryOf(current);
    const after = entryOf(row);
    await recordAudit(tx, {
      ...audit,
      organizationId: actor.organizationId,
      action: 'invitation.resent',
      entityType: 'staff_invitation',
      entityId: id,
      before: { email: before.email, role: before.role, expiresAt: before.expiresAt },
      after: { email: after.email, role: after.role, expiresAt: after.expiresAt },
    });
    await enqueueStaffInvitationEmail(
      deps,
      tx,
      actor,
      { email: row.email, role: row.role, expiresAt: row.expiresAt },
      { acceptUrl, resent: true },
    );
    return after;
  });
}

/**
 * Withdraws a pending staff invitation: its link stops working at once. Another organization's
 * id is NOT_FOUND; an accepted, expired or revoked one is a CONFLICT. As for inviting, only an
 * owner may revoke an invitation to the owner role (FORBIDDEN otherwise).
 */
export async function revokeStaffInvitation(
  deps: TeamInvitationAdminDeps,
  actor: TeamActor,
  id: string,
  audit: AuditContext,
): Promise<StaffInvitationEntry> {
  return inTransaction(deps.pool, async (tx) => {
    const current = await teamInvitationAdminRepository.findForOrganization(
      tx.db,
      actor.organizationId,
      id,
    );
    if (!current) throw new AppError('NOT_FOUND', { detail: 'No such invitation.' });
    if (current.role === 'owner' && actor.role !== 'owner')
      throw new AppError('FORBIDDEN', { detail: 'Only an owner may revoke an owner invitation.' });
    if (current.status !== 'pending')
      throw new AppError('CONFLICT', {
        detail: `Only a pending invitation can be revoked; this one is ${current.status}.`,
      });
    await teamInvitationAdminRepository.markRevoked(tx.db, id);
    const before = entryOf(current);
    const after = { ...before, status: 'revoked' as const };
    await recordAudit(tx, {
      ...audit,
      organizationId: actor.organizationId,
      action: 'invitation.revoked',
      entityType: 'staff_invitation',
      entityId: id,
      before: { email: before.email, role: before.role, status: before.status },
      after: { email: after.email, role: after.role, status: after.status },
    });
    return after;
  });
}
