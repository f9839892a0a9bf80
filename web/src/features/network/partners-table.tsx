import { Button, Group, Text } from '@mantine/core';
import { openConfirm } from '../../components/confirm';
import { DataTable } from '../../components/data-table';
import { formatDateIst, humanise } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { useChangePartner, type PartnerEntry, type PartnerTransition } from './network.queries';
import { StatusBadge } from '../../components/status-badge';

const confirmCopy: Record<
  PartnerTransition,
  { title: (name: string) => string; body: (name: string) => string; label: string }
> = {
  suspend: {
    title: (name) => `Suspend ${name}?`,
    body: (name) =>
      `${name} stays in your network but cannot work with you until you reactivate it.`,
    label: 'Suspend',
  },
  revoke: {
    title: (name) => `Revoke ${name}?`,
    body: (name) =>
      `This is final: ${name} leaves your network for good and cannot be reactivated. To work with them again they would need a new partnership.`,
    label: 'Revoke for good',
  },
  reactivate: {
    title: (name) => `Reactivate ${name}?`,
    body: (name) => `${name} becomes an active partner again.`,
    label: 'Reactivate',
  },
};

const done: Record<PartnerTransition, string> = {
  suspend: 'suspended',
  revoke: 'revoked',
  reactivate: 'reactivated',
};

/** What the API allows from each status (revoked is final). */
function transitionsFrom(status: PartnerEntry['status']): PartnerTransition[] {
  if (status === 'active') return ['suspend', 'revoke'];
  if (status === 'suspended') return ['reactivate', 'revoke'];
  return [];
}

/** A brand's partners: organization, type, status, since when, and the brand's controls. */
export function PartnersTable({
  partners,
  canManage,
}: {
  partners: PartnerEntry[];
  canManage: boolean;
}) {
  const change = useChangePartner();

  const confirm = (partner: PartnerEntry, transition: PartnerTransition) => {
    const copy = confirmCopy[transition];
    openConfirm({
      title: copy.title(partner.name),
      children: <Text size="sm">{copy.body(partner.name)}</Text>,
      labels: { confirm: copy.label, cancel: 'Cancel' },
      confirmProps: { color: transition === 'reactivate' ? 'blue' : 'red' },
      onConfirm: () =>
        change.mutate(
          { partnerId: partner.partnerId, transition },
          {
            onSuccess: () => notifySuccess(`${partner.name} was ${done[transition]}.`),
            onError: (error) => showSubmitError(null, error),
          },
        ),
    });
  };

  return (
    <DataTable
      ariaLabel="Partners"
      idAccessor="partnerId"
      records={partners}
      filterFields={['name', 'type', 'status']}
      columns={[
        { accessor: 'name', title: 'Organization', sortable: true },
        {
          accessor: 'type',
          title: 'Type',
          sortable: true,
          render: (partner) => humanise(partner.type),
        },
        {
          accessor: 'status',
          title: 'Status',
          sortable: true,
          render: (partner) => <StatusBadge status={partner.status} />,
        },
        {
          accessor: 'since',
          title: 'Since',
          sortable: true,
          render: (partner) => formatDateIst(partner.since),
        },
        ...(canManage
          ? [
              {
                accessor: 'actions',
                title: 'Actions',
                render: (partner: PartnerEntry) => (
                  <Group gap="xs" wrap="nowrap">
                    {transitionsFrom(partner.status).map((transition) => (
                      <Button
                        key={transition}
                        size="xs"
                        variant="subtle"
                        color={transition === 'reactivate' ? 'blue' : 'red'}
                        onClick={() => confirm(partner, transition)}
                      >
                        {humanise(transition)}
                      </Button>
                    ))}
                  </Group>
                ),
              },
            ]
          : []),
      ]}
    />
  );
}
