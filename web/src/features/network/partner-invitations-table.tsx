import { Button, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { DataTable } from '../../components/data-table';
import { formatDateTimeIst, humanise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useRevokePartnerInvitation, type PartnerInvitation } from './network.queries';
import { StatusBadge } from './status-badge';

/** The brand's partner invitations, newest first, with revoke for the pending ones. */
export function PartnerInvitationsTable({ invitations }: { invitations: PartnerInvitation[] }) {
  const revoke = useRevokePartnerInvitation();

  const confirmRevoke = (invitation: PartnerInvitation) =>
    modals.openConfirmModal({
      title: 'Revoke this invitation?',
      children: (
        <Text size="sm">
          The link sent to {invitation.email} stops working. You can send a new invitation later.
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
      ariaLabel="Partner invitations"
      records={invitations}
      filterFields={['email', 'partnerType', 'status']}
      initialSort={{ columnAccessor: 'createdAt', direction: 'desc' }}
      columns={[
        { accessor: 'email', title: 'E-mail', sortable: true },
        {
          accessor: 'partnerType',
          title: 'Partner type',
          sortable: true,
          render: (invitation) => humanise(invitation.partnerType),
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
                aria-label={`Revoke the invitation to ${invitation.email}`}
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
