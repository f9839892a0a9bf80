import {
  composeEmail,
  formatInstantForEmail,
  formatPhoneForEmail,
  type EmailMessage,
} from '../notifications/index.js';
import type { MemberRole } from './identity.tables.js';

/** What each role may do, in a line the invitee can judge the invitation by. */
const roleWords: Record<MemberRole, string> = {
  owner: 'an owner (everything, including owners and the organisation itself)',
  admin: 'an admin (the team, API keys and settings)',
  manager: 'a manager (catalogue, stock and partners day to day)',
  operator: 'an operator (day-to-day work)',
  viewer: 'a viewer (read only)',
};

export interface StaffInvitationEmailInput {
  email: string;
  role: MemberRole;
  organizationName: string;
  /** The member who sent (or resent) it; omitted only if they left the organization since. */
  inviter: { name: string; email: string; phone: string | null } | undefined;
  acceptUrl: string;
  expiresAt: Date;
  resent: boolean;
}

/**
 * The staff invitation e-mail: the organization and the inviting member with their contact, the
 * role and what accepting does, and when the link stops working.
 */
export function staffInvitationEmail(input: StaffInvitationEmailInput): EmailMessage {
  const { organizationName, inviter } = input;
  const expires = formatInstantForEmail(input.expiresAt);
  return composeEmail({
    to: input.email,
    subject: inviter
      ? `${inviter.name} invited you to join ${organizationName} on SpareFlow`
      : `You are invited to join ${organizationName} on SpareFlow`,
    greeting: 'Hello,',
    paragraphs: [
      `${inviter ? `${inviter.name} has` : 'You have been'} invited ${input.email} to join ${organizationName}'s team on SpareFlow, the spare-parts platform ${organizationName} uses, as ${roleWords[input.role]}.${input.resent ? ' This is a new link: any earlier one no longer works.' : ''}`,
      `Accepting adds you to ${organizationName}'s team. With a SpareFlow account under this address you confirm with its password; otherwise you choose your name and a password on the page the link opens.`,
    ],
    facts: [
      { label: 'Organisation', value: organizationName },
      { label: 'Role', value: input.role.charAt(0).toUpperCase() + input.role.slice(1) },
      ...(inviter
        ? [
            { label: 'Invited by', value: inviter.name },
            { label: 'Their e-mail', value: inviter.email },
            ...(inviter.phone
              ? [{ label: 'Their phone', value: formatPhoneForEmail(inviter.phone) }]
              : []),
          ]
        : []),
      { label: 'Link valid until', value: expires },
    ],
    action: { label: `Join ${organizationName}`, url: input.acceptUrl },
    footer: [
      `The link works once and expires on ${expires}.`,
      inviter
        ? `Not expecting this? Check with ${inviter.name} (${inviter.email}) before accepting, or ignore this e-mail: nothing happens unless you accept.`
        : 'Not expecting this? Ignore this e-mail: nothing happens unless you accept.',
    ],
  });
}
