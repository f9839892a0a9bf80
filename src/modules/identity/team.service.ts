import { z } from 'zod';
import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { memberRoles, type MemberRole } from './identity.tables.js';
import { teamRepository, type TeamMemberRow } from './team.repository.js';

export const memberRoleSchema = z.enum(memberRoles);

export const teamMemberSchema = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  joinedAt: z.iso.datetime(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

export const changeRoleSchema = z.object({ role: memberRoleSchema }).strict();

export interface TeamDeps {
  pool: pg.Pool;
  db: Db;
}

/** Who is acting: a user of the organization, with their role there. */
export interface TeamActor {
  organizationId: string;
  userId: string;
  role: MemberRole;
}

function present(row: TeamMemberRow): TeamMember {
  return { ...row, joinedAt: row.joinedAt.toISOString() };
}

export async function listMembers(deps: TeamDeps, organizationId: string): Promise<TeamMember[]> {
  return (await teamRepository.list(deps.db, organizationId)).map(present);
}

/**
 * The owner rules, shared by role changes and removals: only an owner may touch an owner or
 * grant `owner`; the last owner can be neither demoted nor removed.
 */
async function guardOwnerRules(
  tx: Tx,
  actor: TeamActor,
  target: TeamMemberRow,
  newRole: MemberRole | null,
): Promise<void> {
  if (actor.role !== 'owner' && (target.role === 'owner' || newRole === 'owner')) {
    throw new AppError('FORBIDDEN', {
      detail: 'Only an owner may grant, change or remove owners.',
    });
  }
  if (target.role === 'owner' && newRole !== 'owner') {
    const owners = await teamRepository.lockOwners(tx.db, actor.organizationId);
    if (owners <= 1) {
      throw new AppError('CONFLICT', { detail: 'The last owner cannot be demoted or removed.' });
    }
  }
}

async function lockedMember(tx: Tx, organizationId: string, userId: string) {
  const target = await teamRepository.findForUpdate(tx.db, organizationId, userId);
  if (!target) throw new AppError('NOT_FOUND', { detail: 'No such member.' });
  return target;
}

export async function changeMemberRole(
  deps: TeamDeps,
  actor: TeamActor,
  userId: string,
  role: MemberRole,
  audit: AuditContext,
): Promise<TeamMember> {
  return inTransaction(deps.pool, async (tx) => {
    const target = await lockedMember(tx, actor.organizationId, userId);
    await guardOwnerRules(tx, actor, target, role);
    if (target.role === role) return present(target);
    await teamRepository.setRole(tx.db, actor.organizationId, userId, role);
    await recordAudit(tx, {
      ...audit,
      organizationId: actor.organizationId,
      action: 'membership.role_changed',
      entityType: 'membership',
      entityId: userId,
      before: { role: target.role },
      after: { role },
    });
    return present({ ...target, role });
  });
}

/** Removes the membership and revokes the user's sessions acting for this organization. */
export async function removeMember(
  deps: TeamDeps,
  actor: TeamActor,
  userId: string,
  audit: AuditContext,
): Promise<void> {
  await inTransaction(deps.pool, async (tx) => {
    const target = await lockedMember(tx, actor.organizationId, userId);
    await guardOwnerRules(tx, actor, target, null);
    await teamRepository.remove(tx.db, actor.organizationId, userId);
    await teamRepository.revokeSessions(tx.db, actor.organizationId, userId);
    await recordAudit(tx, {
      ...audit,
      organizationId: actor.organizationId,
      action: 'membership.removed',
      entityType: 'membership',
      entityId: userId,
      before: { role: target.role, email: target.email },
    });
  });
}
