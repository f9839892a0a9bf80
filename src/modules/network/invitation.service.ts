import { z } from 'zod';
import { linkBase } from '../../platform/http/public-links.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { MemberRole, OrganizationType } from '../../platform/access/organization-roles.js';
import type { AuditContext } from '../audit/index.js';
import { hashSecret, newSecret } from '../../platform/crypto/secret-hash.js';
import type { Tx } from '../../platform/db/transaction.js';
import { emailOfUser, memberContact } from '../identity/index.js';
import { invitationRepository } from './invitation.repository.js';
import { partnerInvitationEmail } from './partner-invitation-email.js';
import { recordNetworkChange, type NetworkDeps } from './network.deps.js';
import { partnerTypes } from './network.tables.js';
import { activatePartnerLink, linkView } from './partner-link.service.js';

/** How long an invitation token can be accepted. */
export const invitationLifetimeMs = 7 * 24 * 60 * 60 * 1000;

export const newInvitationSchema = z
  .object({ email: z.email().max(254), partnerType: z.enum(partnerTypes) })
  .strict();
export type NewInvitation = z.infer<typeof newInvitationSchema>;

export const createdInvitationSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  partnerType: z.enum(partnerTypes),
  expiresAt: z.iso.datetime(),
  acceptUrl: z
    .string()
    .optional()
    .describe('Sandbox e-mail mode only: the link the invitation e-mail would carry'),
});
export type CreatedInvitation = z.infer<typeof createdInvitationSchema>;

export const acceptInvitationSchema = z.object({ token: z.string().min(1).max(200) }).strict();

export const acceptedInvitationSchema = z.object({
  brandId: z.uuid(),
  status: z.literal('active'),
});

/** A fresh token and the accept link that carries it (`APP_URL` wins over the request's origin). */
export function newInvitationLink(
  deps: NetworkDeps,
  requestOrigin: string | undefined,
): { token: string; acceptUrl: string } {
  const token = newSecret('sfi_');
  const acceptUrl = new URL(
    '/network/invitations/accept',
    linkBase(deps.invitations.appUrl, requestOrigin, deps.invitations.fallbackOrigin),
  );
  acceptUrl.searchParams.set('token', token);
  return { token, acceptUrl: acceptUrl.toString() };
}

/**
 * Enqueues the invitation e-mail in `tx`: it names the brand and the member who acts (the inviter,
 * or whoever resends), with their contact.
 */
export async function enqueueInvitationEmail(
  deps: NetworkDeps,
  tx: Tx,
  invitation: {
    brandId: string;
    email: string;
    partnerType: NewInvitation['partnerType'];
    expiresAt: Date;
  },
  link: { acceptUrl: string; resent: boolean },
  audit: AuditContext,
): Promise<void> {
  const brandName = (await invitationRepository.brandName(tx.db, invitation.brandId)) ?? 'A brand';
  const userId = audit.actor.userId;
  const inviter = userId ? await memberContact(tx.db, invitation.brandId, userId) : undefined;
  await deps.invitations.outbox.enqueue(
    tx,
    partnerInvitationEmail({ ...invitation, brandName, inviter, ...link }),
  );
}

/**
 * A brand invites a partner by e-mail. The token is stored only as its hash and is never put in
 * the audit log or the `partner.invited` event; the clear token travels only in the invitation
 * e-mail, enqueued in the same transaction (the `email.send` job delivers it, retrying while the
 * SMTP relay is down). In sandbox e-mail mode the response also carries `acceptUrl`, the link of
 * that e-mail, so the flow can be exercised without reading the sandbox mailbox.
 */
export async function createInvitation(
  deps: NetworkDeps,
  brandId: string,
  input: NewInvitation,
  audit: AuditContext,
  /** The origin the brand used (`APP_URL` wins; production requires it). */
  requestOrigin?: string,
): Promise<CreatedInvitation> {
  const { token, acceptUrl } = newInvitationLink(deps, requestOrigin);
  const email = input.email.toLowerCase();
  const expiresAt = new Date(Date.now() + invitationLifetimeMs);
  const created = await inTransaction(deps.pool, async (tx) => {
    const row = await invitationRepository.insert(tx.db, {
      brandId,
      email,
      partnerType: input.partnerType,
      tokenHash: hashSecret(token),
      expiresAt,
    });
    const view = {
      id: row.id,
      email: row.email,
      partnerType: row.partnerType,
      expiresAt: row.expiresAt.toISOString(),
    };
    await recordNetworkChange(deps, tx, {
      audit,
      organizationId: brandId,
      entityType: 'partner_invitation',
      entityId: row.id,
      after: view,
      event: 'partner.invited',
      payload: {
        invitationId: row.id,
        brandId,
        email: view.email,
        partnerType: view.partnerType,
        expiresAt: view.expiresAt,
      },
    });
    await enqueueInvitationEmail(
      deps,
      tx,
      { brandId, email, partnerType: input.partnerType, expiresAt: row.expiresAt },
      { acceptUrl, resent: false },
      audit,
    );
    return view;
  });
  if (deps.invitations.emailMode !== 'sandbox') return created;
  return { ...created, acceptUrl };
}

export const previewQuerySchema = z.object({ token: z.string().min(1).max(200) });

export const invitationPreviewSchema = z.object({
  brandName: z.string(),
  partnerType: z.enum(partnerTypes),
  email: z.string(),
  expiresAt: z.iso.datetime(),
});
export type InvitationPreview = z.infer<typeof invitationPreviewSchema>;

/**
 * What the accept page shows before the invitee signs in or registers: who invites, as what, and
 * for which address. Only the token's holder can ask, and it reveals nothing the e-mail did not.
 * A token that could not be accepted gets the same `INVITATION_INVALID` as accepting it would.
 */
export async function previewInvitation(
  deps: Pick<NetworkDeps, 'db'>,
  token: string,
): Promise<InvitationPreview> {
  const row = await invitationRepository.findPendingPreview(deps.db, hashSecret(token));
  if (!row) throw invalid();
  return { ...row, expiresAt: row.expiresAt.toISOString() };
}

const invalid = () =>
  new AppError('INVITATION_INVALID', {
    detail: 'The invitation token is unknown, already used or expired.',
  });

/** Who accepts: a signed-in user acting for a distributor or service center. */
export interface InvitationAcceptor {
  userId: string;
  role: MemberRole;
  organizationId: string;
  organizationType: OrganizationType;
}

/**
 * A partner accepts an invitation with its token: single use, within 7 days, by an owner or
 * admin signed in with the invited address (INVITATION_EMAIL_MISMATCH otherwise: holding the
 * link is not enough, as for staff invitations), for an organization of the invited type (else
 * CONFLICT). The partner link becomes active. A refusal changes nothing; the invitation stays
 * usable by the right person.
 */
export async function acceptInvitation(
  deps: NetworkDeps,
  partner: InvitationAcceptor,
  token: string,
  audit: AuditContext,
): Promise<{ brandId: string; status: 'active' }> {
  return inTransaction(deps.pool, async (tx) => {
    const invitation = await invitationRepository.findByTokenHash(tx.db, hashSecret(token));
    if (!invitation || invitation.acceptedAt !== null) throw invalid();
    if (invitation.expiresAt.getTime() <= Date.now()) throw invalid();
    if (partner.role !== 'owner' && partner.role !== 'admin') {
      throw new AppError('FORBIDDEN', {
        detail: 'Only an owner or admin of your organization can accept a partner invitation.',
      });
    }
    const email = await emailOfUser(tx.db, partner.userId);
    if (email?.toLowerCase() !== invitation.email.toLowerCase()) {
      // The detail does not name the invited address: the holder of a forwarded link is not
      // told more than the invitation preview shows.
      throw new AppError('INVITATION_EMAIL_MISMATCH', {
        detail:
          'This invitation was sent to another e-mail address. Sign in with the address the invitation was sent to (as an owner or admin of the organization that joins), or ask the brand to invite your address.',
      });
    }
    if (invitation.partnerType !== partner.organizationType) {
      throw new AppError('CONFLICT', {
        detail: `The invitation is for a ${invitation.partnerType}; your organization is a ${partner.organizationType}.`,
      });
    }
    const link = await activatePartnerLink(tx, {
      brandId: invitation.brandId,
      partnerId: partner.organizationId,
      partnerType: invitation.partnerType,
    });
    await invitationRepository.markAccepted(tx.db, invitation.id, partner.organizationId);
    await recordNetworkChange(deps, tx, {
      audit,
      organizationId: partner.organizationId,
      entityType: 'partner_invitation',
      entityId: invitation.id,
      after: { link: linkView(link) },
      event: 'partner.invitation_accepted',
      payload: { ...linkView(link), invitationId: invitation.id },
    });
    return { brandId: invitation.brandId, status: 'active' as const };
  });
}
