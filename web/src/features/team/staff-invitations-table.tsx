import { Badge } from '@mantine/core';
import { InvitationsTable } from '../../components/invitations-table';
import { humanise } from '../../lib/format';
import {
  useResendStaffInvitation,
  useRevokeStaffInvitation,
  type StaffInvitation,
} from './team.queries';

/** Staff invitations sent by the organization, with resend and revoke for the pending ones. */
export function StaffInvitationsTable({ invitations }: { invitations: StaffInvitation[] }) {
  return (
    <InvitationsTable
      ariaLabel="Staff invitations"
      invitations={invitations}
      kind={{
        accessor: 'role',
        title: 'Role',
        render: (invitation) => <Badge variant="light">{humanise(invitation.role)}</Badge>,
      }}
      revoke={useRevokeStaffInvitation()}
      resend={useResendStaffInvitation()}
      afterRevoke="You can invite them again later."
    />
  );
}
