import type pg from 'pg';
import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { pageQuerySchema, toPage } from '../../platform/http/pagination.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import {
  staffInvitationStatuses,
  teamInvitationAdminRepository,
  type StaffInvitationListRow,
} from './team-invitation-admin.repository.js';
import { memberRoleSchema, type TeamActor } from './team.service.js';

export interface TeamInvitationAdminDeps {
  pool: pg.Pool;
  db: Db;
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

function entryOf(row: StaffInvitationListRow): StaffInvitationEntry {
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
