import { Button, Group, Stack, Text } from '@mantine/core';
import { openConfirm } from '../../components/confirm';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { EmptyState, QueryState } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { formatDateTimeIst } from '../../lib/format';
import { notifySuccess, showSubmitError } from '../../lib/forms';
import { usePartNames, useReceiveTransfer, useTransfers, type Transfer } from './inventory.queries';
import { useLocationNames } from './location-select';
import { TransferDialog } from './transfer-dialog';

interface TransferRow extends Record<string, unknown> {
  id: string;
  from: string;
  to: string;
  lines: string;
  status: string;
  createdAt: string;
  transfer: Transfer;
}

/** Transfers between own locations, newest first; pending ones can be received. */
export function TransfersPanel({ canEdit }: { canEdit: boolean }) {
  const transfers = useTransfers();
  const receive = useReceiveTransfer();
  const locationNames = useLocationNames();
  const partNames = usePartNames();

  const confirmReceive = (row: TransferRow) =>
    openConfirm({
      title: 'Receive this transfer?',
      children: (
        <Text size="sm">
          {row.lines} become on hand at {row.to}.
        </Text>
      ),
      labels: { confirm: 'Receive', cancel: 'Cancel' },
      onConfirm: () =>
        receive.mutate(row.id, {
          onSuccess: () => notifySuccess(`Received at ${row.to}.`),
          onError: (error) => showSubmitError(null, error),
        }),
    });

  const columns: DataTableColumn<TransferRow>[] = [
    {
      accessor: 'createdAt',
      title: 'Sent (IST)',
      sortable: true,
      render: (row) => formatDateTimeIst(row.createdAt),
    },
    { accessor: 'from', title: 'From', sortable: true },
    { accessor: 'to', title: 'To', sortable: true },
    { accessor: 'lines', title: 'Parts' },
    {
      accessor: 'status',
      title: 'Status',
      sortable: true,
      render: (row) => <StatusBadge status={row.status} />,
    },
    {
      accessor: 'actions',
      title: 'Actions',
      render: (row) =>
        canEdit && row.status === 'in_transit' ? (
          <Button
            size="xs"
            variant="subtle"
            aria-label={`Receive the transfer to ${row.to}`}
            onClick={() => confirmReceive(row)}
          >
            Receive
          </Button>
        ) : null,
    },
  ];

  return (
    <Stack gap="md">
      {canEdit && (
        <Group>
          <TransferDialog />
        </Group>
      )}
      <QueryState
        query={transfers}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No transfers yet">
            {canEdit
              ? 'Move stock between your locations with “New transfer”.'
              : 'Transfers between your locations will appear here.'}
          </EmptyState>
        }
      >
        {(data) => (
          <DataTable<TransferRow>
            ariaLabel="Transfers"
            initialSort={{ columnAccessor: 'createdAt', direction: 'desc' }}
            filterFields={['from', 'to', 'lines', 'status']}
            columns={columns}
            records={data.items.map((transfer) => ({
              id: transfer.id,
              from: locationNames.get(transfer.fromLocationId) ?? 'Location',
              to: locationNames.get(transfer.toLocationId) ?? 'Location',
              lines: transfer.lines
                .map(
                  (line) =>
                    `${line.quantity} × ${partNames.data?.get(line.partId)?.partNumber ?? 'part'}`,
                )
                .join(', '),
              status: transfer.status,
              createdAt: transfer.createdAt,
              transfer,
            }))}
          />
        )}
      </QueryState>
    </Stack>
  );
}
