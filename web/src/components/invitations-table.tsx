import { Button, Group, Text } from '@mantine/core';
import { openConfirm } from './confirm';
import type { UseMutationResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { formatDateTimeIst } from '../lib/format';
import { notifySuccess, showSubmitError } from '../lib/forms';
import { notifyResendRefused } from '../lib/resend-problems';
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
 * Sent invitations (partner or staff), newest first, with Resend and Revoke for the pending ones
 * (Revoke after a confirmation). Resend e-mails a new link at once — the old one stops working
 * and the 7 days start again — so it needs no confirmation; the server allows 3 an hour. `kind`
 * is the one column that differs: partner type or role.
 */
export function InvitationsTable<T extends Invitation>({
  ariaLabel,
  invitations,
  kind,
  revoke,
  resend,
  afterRevoke,
}: {
  ariaLabel: string;
  invitations: T[];
  kind: { accessor: keyof T & string; title: string; render: (invitation: T) => ReactNode };
  revoke: UseMutationResult<unknown, Error, string>;
  resend: UseMutationResult<unknown, Error, string>;
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

  const resendTo = (invitation: T) =>
    resend.mutate(invitation.id, {
      onSuccess: () =>
        notifySuccess(
          `A new link was sent to ${invitation.email}; the earlier one no longer works.`,
        ),
      onError: (error) => notifyResendRefused(error) || showSubmitError(null, error),
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
              <Group gap={4} wrap="nowrap">
                <Button
                  size="xs"
                  variant="subtle"
                  aria-label={`Resend the invitation to ${invitation.email}`}
                  loading={resend.isPending && resend.variables === invitation.id}
                  onClick={() => resendTo(invitation)}
                >
                  Resend
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  aria-label={`Revoke the invitation to ${invitation.email}`}
                  onClick={() => confirmRevoke(invitation)}
                >
                  Revoke
                </Button>
              </Group>
            ) : null,
        },
      ]}
    />
  );
}
