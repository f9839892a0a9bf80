import type { PartnerLinkStatus, PartnerType } from './network.tables.js';

interface LinkChange {
  brandId: string;
  partnerId: string;
  partnerType: PartnerType;
  status: PartnerLinkStatus;
}

declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    /** A distributor or service center asked a brand to join its network. */
    'partner.access_requested': { requestId: string; brandId: string; partnerId: string };
    /** A brand approved an access request; the partner link is active. */
    'partner.approved': LinkChange & { requestId: string };
    /** A brand rejected an access request. */
    'partner.access_rejected': { requestId: string; brandId: string; partnerId: string };
    /**
     * A brand invited a partner by e-mail. Never carries the token: only the invitation id, from
     * which the e-mail capability cannot recover the token either (see invitation.service.ts).
     */
    'partner.invited': {
      invitationId: string;
      brandId: string;
      email: string;
      partnerType: PartnerType;
      expiresAt: string;
    };
    /** A brand resent a pending invitation: a new token (the old one no longer works), 7 more days. */
    'partner.invitation_resent': {
      invitationId: string;
      brandId: string;
      email: string;
      partnerType: PartnerType;
      expiresAt: string;
    };
    /** A brand revoked a pending invitation; its token no longer works. */
    'partner.invitation_revoked': {
      invitationId: string;
      brandId: string;
      email: string;
      partnerType: PartnerType;
    };
    /** A partner accepted an invitation; the partner link is active. */
    'partner.invitation_accepted': LinkChange & { invitationId: string };
    /** A brand paused an active partner link. */
    'partner.suspended': LinkChange;
    /** A brand reactivated a suspended partner link. */
    'partner.reactivated': LinkChange;
    /** A brand ended a partner link for good. */
    'partner.revoked': LinkChange;
  }
}

export {};
