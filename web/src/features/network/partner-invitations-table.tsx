import { InvitationsTable } from '../../components/invitations-table';
import { humanise } from '../../lib/format';
import {
  useResendPartnerInvitation,
  useRevokePartnerInvitation,
  type PartnerInvitation,
} from './network.queries';

/** The brand's partner invitations, newest first, with resend and revoke for the pending ones. */
export function PartnerInvitationsTable({ invitations }: { invitations: PartnerInvitation[] }) {
  return (
    <InvitationsTable
      ariaLabel="Partner invitations"
      invitations={invitations}
      kind={{
        accessor: 'partnerType',
        title: 'Partner type',
        render: (invitation) => humanise(invitation.partnerType),
      }}
      revoke={useRevokePartnerInvitation()}
      resend={useResendPartnerInvitation()}
      afterRevoke="You can send a new invitation later."
    />
  );
}
