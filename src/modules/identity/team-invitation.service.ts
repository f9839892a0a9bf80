import { z } from 'zod';
import { linkBase } from '../../platform/http/public-links.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { EmailOutbox } from '../notifications/index.js';
import { identityRepository } from './identity.repository.js';
import { organizationTypes, type MemberRole } from './identity.tables.js';
import { oneTimeTokenRepository } from './one-time-token.repository.js';
import { verifyPassword } from './password-hasher.js';
import { createMember, newUserSchema, type IdentityDeps } from './platform-admin.service.js';
import { hashSecret, newSecret } from '../../platform/crypto/secret-hash.js';
import { teamInvitationRepository } from './team-invitation.repository.js';
import { memberDirectoryRepository } from './member-directory.repository.js';
import { staffInvitationEmail } from './staff-invitation-email.js';
import type { Tx } from '../../platform/db/transaction.js';
import { memberRoleSchema, type TeamActor } from './team.service.js';

/** How long a staff invitation can be accepted. */
export const invitationTtlDays = 7;

export const newInvitationSchema = z
  .object({ email: z.email().max(254), role: memberRoleSchema })
  .strict();
export type NewInvitation = z.infer<typeof newInvitationSchema>;

export const invitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  role: memberRoleSchema,
  expiresAt: z.iso.datetime(),
});
export type InvitationView = z.infer<typeof invitationSchema>;

export const acceptStaffInvitationSchema = z
  .object({
    token: z.string().min(1).max(200),
    name: newUserSchema.shape.name.optional(),
    password: z.string().min(1).max(200).optional(),
  })
  .strict();
export type AcceptStaffInvitation = z.infer<typeof acceptStaffInvitationSchema>;

export const acceptedStaffInvitationSchema = z.object({
  organizationId: z.uuid(),
  role: memberRoleSchema,
});

export const staffInvitationPreviewQuerySchema = z.object({ token: z.string().min(1).max(200) });

export const staffInvitationPreviewSchema = z.object({
  organizationName: z.string(),
  organizationType: z.enum(organizationTypes),
  role: memberRoleSchema,
  email: z.string(),
  expiresAt: z.iso.datetime(),
  existingUser: z
    .boolean()
    .describe('An account with this e-mail exists: accept with its password, not a new one'),
});
export type StaffInvitationPreview = z.infer<typeof staffInvitationPreviewSchema>;

export interface TeamInvitationDeps extends IdentityDeps {
  outbox: EmailOutbox;
  /** `APP_URL`; links fall back to `fallbackOrigin` (http://localhost:PORT) without it. */
  appUrl: string | undefined;
  fallbackOrigin: string;
}

/** A fresh staff invitation token and the accept link that carries it. */
export function newStaffInvitationLink(
  deps: Pick<TeamInvitationDeps, 'appUrl' | 'fallbackOrigin'>,
  requestOrigin: string | undefined,
): { token: string; acceptUrl: string } {
  const token = newSecret('sft_');
  const base = linkBase(deps.appUrl, requestOrigin, deps.fallbackOrigin);
  return { token, acceptUrl: `${base}/accept-invitation?token=${token}` };
}

/**
 * Enqueues the invitation e-mail in `tx`, naming the organization and the member who acts (the
 * inviter, or whoever resends) with their contact.
 */
export async function enqueueStaffInvitationEmail(
  deps: Pick<TeamInvitationDeps, 'outbox'>,
  tx: Tx,
  actor: TeamActor,
  invitation: { email: string; role: MemberRole; expiresAt: Date },
  link: { acceptUrl: string; resent: boolean },
): Promise<void> {
  const organization = await teamInvitationRepository.findOrganization(tx.db, actor.organizationId);
  const inviter = await memberDirectoryRepository.memberContact(
    tx.db,
    actor.organizationId,
    actor.userId,
  );
  await deps.outbox.enqueue(
    tx,
    staffInvitationEmail({
      ...invitation,
      organizationName: organization?.name ?? 'an organisation',
      inviter,
      ...link,
    }),
  );
}

/** Invites someone by e-mail; the token exists only in the e-mail, enqueued in the same tx. */
export async function inviteMember(
  deps: TeamInvitationDeps,
  actor: TeamActor,
  input: NewInvitation,
  audit: AuditContext,
  /** The origin the inviter used (`APP_URL` wins; production requires it). */
  requestOrigin?: string,
): Promise<InvitationView> {
  if (input.role === 'owner' && actor.role !== 'owner') {
    throw new AppError('FORBIDDEN', { detail: 'Only an owner may invite an owner.' });
  }
  const { token, acceptUrl } = newStaffInvitationLink(deps, requestOrigin);
  return inTransaction(deps.pool, async (tx) => {
    const row = await teamInvitationRepository.insert(tx.db, {
      organizationId: actor.organizationId,
      email: input.email,
      role: input.role,
      tokenHash: hashSecret(token),
      ttlDays: invitationTtlDays,
    });
    await enqueueStaffInvitationEmail(
      deps,
      tx,
      actor,
      { email: input.email, role: input.role, expiresAt: row.expiresAt },
      { acceptUrl, resent: false },
    );
    await recordAudit(tx, {
      ...audit,
      organizationId: actor.organizationId,
      action: 'invitation.created',
      entityType: 'staff_invitation',
      entityId: row.id,
      after: { email: row.email, role: row.role },
    });
    return { ...row, expiresAt: row.expiresAt.toISOString() };
  });
}

/**
 * What the accept page shows before the invitee decides: which organization, which role, and
 * whether to ask for a new name and password or an existing account's password. A token that
 * could not be accepted gets the same `TOKEN_INVALID` as accepting it would.
 */
export async function previewStaffInvitation(
  deps: Pick<IdentityDeps, 'db'>,
  token: string,
): Promise<StaffInvitationPreview> {
  const row = await teamInvitationRepository.findPendingPreview(deps.db, hashSecret(token));
  if (!row) throw new AppError('TOKEN_INVALID');
  return { ...row, expiresAt: row.expiresAt.toISOString() };
}

function validationFailed(path: string, message: string): AppError {
  return new AppError('VALIDATION_FAILED', { errors: [{ path, message }] });
}

/**
 * Accepts an invitation. An existing user (same e-mail) must prove it with their password; a new
 * person is created with `name` and `password` under the registration password policy. Any
 * failure rolls back, leaving the token usable; success uses it up.
 */
export async function acceptStaffInvitation(
  deps: TeamInvitationDeps,
  input: AcceptStaffInvitation,
  request: Pick<AuditContext, 'requestId' | 'ip'>,
): Promise<{ organizationId: string; role: MemberRole }> {
  return inTransaction(deps.pool, async (tx) => {
    const invitation = await teamInvitationRepository.consume(tx.db, hashSecret(input.token));
    if (!invitation) throw new AppError('TOKEN_INVALID');
    const { organizationId, role } = invitation;
    const organization = await teamInvitationRepository.findOrganization(tx.db, organizationId);
    if (organization?.status !== 'active') throw new AppError('TOKEN_INVALID');
    const existing = await identityRepository.findUserByEmail(tx.db, invitation.email);
    let userId: string;
    if (existing) {
      const proven =
        input.password !== undefined &&
        (await verifyPassword(input.password, existing.passwordHash));
      if (!proven) {
        throw new AppError('INVALID_CREDENTIALS', {
          detail: 'An account with this e-mail exists: send its password to accept.',
        });
      }
      const added = await teamInvitationRepository.addMembership(tx.db, {
        userId: existing.id,
        organizationId,
        role,
      });
      if (!added) throw new AppError('CONFLICT', { detail: 'You are already a member.' });
      await deps.events.publish(tx, {
        type: 'membership.created',
        aggregateType: 'organization',
        aggregateId: organizationId,
        organizationId,
        payload: { organizationId, userId: existing.id, role },
      });
      userId = existing.id;
    } else {
      const parsed = newUserSchema.safeParse({
        email: invitation.email,
        name: input.name,
        password: input.password,
      });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw validationFailed(issue?.path.join('.') ?? '', issue?.message ?? 'invalid');
      }
      const user = await createMember(deps, tx, organization, parsed.data, role);
      // The invitation reached this address, so it is verified.
      await oneTimeTokenRepository.markEmailVerified(tx.db, user.id, user.email);
      userId = user.id;
    }
    await recordAudit(tx, {
      ...request,
      actor: { userId },
      organizationId,
      action: 'invitation.accepted',
      entityType: 'membership',
      entityId: userId,
      after: { role, email: invitation.email },
    });
    return { organizationId, role };
  });
}
