import { InvitationsTable } from '../../components/invitations-table';
import { humanise } from '../../lib/format';
import { useRevokePartnerInvitation, type PartnerInvitation } from './network.queries';

/** The brand's partner invitations, newest first, with revoke for the pending ones. */
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
      afterRevoke="You can send a new invitation later."
    />
  );
}
