import { Button, Text } from '@mantine/core';
import { openConfirm } from './confirm';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatDateTimeIst } from '../lib/format';
import { notifySuccess, showSubmitError } from '../lib/forms';
import { DataTable } from './data-table';
import { StatusBadge } from './status-badge';

interface Invitation {
  id: string;
  email: string;
  status: string;
  createdAt: string;
  expiresAt: string;
  [field: string]: unknown;
}

/**
 * Sent invitations (partner or staff), newest first, with Revoke for the pending ones after a
 * confirmation. `kind` is the one column that differs: partner type or role.
 */
export function InvitationsTable<T extends Invitation>({
  ariaLabel,
  invitations,
  kind,
  revoke,
  afterRevoke,
}: {
  ariaLabel: string;
  invitations: T[];
  kind: { accessor: keyof T & string; title: string; render: (invitation: T) => ReactNode };
  revoke: UseMutationResult<unknown, Error, string>;
  /** What happens next, said in the confirmation ("You can invite them again later."). */
  afterRevoke: string;
}) {
  const confirmRevoke = (invitation: T) =>
    openConfirm({
      title: 'Revoke this invitation?',
      children: (
        <Text size="sm">
          The link sent to {invitation.email} stops working. {afterRevoke}
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
    <DataTable<T>
      ariaLabel={ariaLabel}
      records={invitations}
      filterFields={['email', kind.accessor, 'status']}
      initialSort={{ columnAccessor: 'createdAt', direction: 'desc' }}
      columns={[
        { accessor: 'email', title: 'E-mail', sortable: true },
        { accessor: kind.accessor, title: kind.title, sortable: true, render: kind.render },
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
