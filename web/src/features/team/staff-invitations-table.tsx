import { Badge, Button, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { DataTable } from '../../components/data-table';
import { formatDateTimeIst, humanise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { StatusBadge } from '../network/status-badge';
import { useRevokeStaffInvitation, type StaffInvitation } from './team.queries';

/** Staff invitations sent by the organization, with revoke for the pending ones. */
export function StaffInvitationsTable({ invitations }: { invitations: StaffInvitation[] }) {
  const revoke = useRevokeStaffInvitation();

  const confirmRevoke = (invitation: StaffInvitation) =>
    modals.openConfirmModal({
      title: 'Revoke this invitation?',
      children: (
        <Text size="sm">
          The link sent to {invitation.email} stops working. You can invite them again later.
        </Text>
      ),
      labels: { confirm: 'Revoke invitation', cancel: 'Cancel' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        revoke.mutate(invitation.id, {
          onSuccess: () => notifySuccess(`The invitation to ${invitation.email} was revoked.`),
          onError: (error) => showSubmitError(null, error),
        }),
    });

  return (
    <DataTable
      ariaLabel="Staff invitations"
      records={invitations}
      filterFields={['email', 'role', 'status']}
      initialSort={{ columnAccessor: 'createdAt', direction: 'desc' }}
      columns={[
        { accessor: 'email', title: 'E-mail', sortable: true },
        {
          accessor: 'role',
          title: 'Role',
          sortable: true,
          render: (invitation) => <Badge variant="light">{humanise(invitation.role)}</Badge>,
        },
        {
          accessor: 'status',
          title: 'Status',
          sortable: true,
          render: (invitation) => <StatusBadge status={invitation.status} />,
        },
        {
          accessor: 'createdAt',
          title: 'Sent',
          sortable: true,
          render: (invitation) => formatDateTimeIst(invitation.createdAt),
        },
        {
          accessor: 'expiresAt',
          title: 'Expires',
          sortable: true,
          render: (invitation) => formatDateTimeIst(invitation.expiresAt),
        },
        {
          accessor: 'actions',
          title: 'Actions',
          render: (invitation) =>
            invitation.status === 'pending' ? (
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => confirmRevoke(invitation)}
              >
                Revoke
              </Button>
            ) : null,
        },
      ]}
    />
  );
}
