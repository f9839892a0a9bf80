import {
  composeEmail,
  formatInstantForEmail,
  formatPhoneForEmail,
  type EmailMessage,
} from '../notifications/index.js';
import type { PartnerType } from './network.tables.js';

/** The e-mail speaks Indian English; the API keeps its enum values. */
const partnerTypeWords: Record<PartnerType, { one: string; many: string }> = {
  distributor: { one: 'distributor', many: 'distributors' },
  service_center: { one: 'service centre', many: 'service centres' },
};

export interface PartnerInvitationEmailInput {
  email: string;
  partnerType: PartnerType;
  brandName: string;
  /** The brand's member who sent (or resent) it; omitted only if they left the brand since. */
  inviter: { name: string; email: string; phone: string | null } | undefined;
  acceptUrl: string;
  expiresAt: Date;
  resent: boolean;
}

/**
 * The partner invitation e-mail. It must not read like phishing: it names the inviting brand and
 * the person who invited, with their contact, says what accepting does and who can accept, and
 * when the link stops working — the accept page (invitation preview) shows the same brand.
 */
export function partnerInvitationEmail(input: PartnerInvitationEmailInput): EmailMessage {
  const type = partnerTypeWords[input.partnerType];
  const { brandName, inviter } = input;
  const by = inviter ? `${inviter.name} of ${brandName}` : brandName;
  const expires = formatInstantForEmail(input.expiresAt);
  return composeEmail({
    to: input.email,
    subject: `${brandName} invites you to its ${type.one} network on SpareFlow`,
    greeting: 'Hello,',
    paragraphs: [
      `${by} has invited ${input.email} to join ${brandName}'s network of authorised ${type.many} on SpareFlow, the spare-parts platform ${brandName} uses for its catalogue and stock.${input.resent ? ' This is a new link: any earlier one no longer works.' : ''}`,
      `Accepting links your ${type.one} organisation on SpareFlow to ${brandName}: you will see ${brandName}'s parts catalogue and can hold and order its parts. An owner or admin of your organisation accepts, signed in with this e-mail address; without a SpareFlow account yet, you can register from the link.`,
    ],
    facts: [
      { label: 'Brand', value: brandName },
      { label: 'Invited as', value: type.one },
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
    action: { label: `Review ${brandName}'s invitation`, url: input.acceptUrl },
    footer: [
      `The link works once and expires on ${expires}.`,
      inviter
        ? `Not expecting this? Check with ${inviter.name} (${inviter.email}) before accepting, or ignore this e-mail: nothing happens unless you accept.`
        : 'Not expecting this? Ignore this e-mail: nothing happens unless you accept.',
    ],
  });
}
