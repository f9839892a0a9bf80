import { Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { partNumberClass } from '../../components/part-number';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state';
import { formatDateTimeIst, formatPaise, humanise } from '../../lib/format';
import { actorLabel } from '../../lib/record-actor';
import type { PickedPart } from '../catalog/part-picker';
import { useMovements, type Movement } from './inventory.queries';
import { LocationSelect } from './location-select';
import { movementKindLabels, movementReasonLabels } from './movement-words';
import { StockPartField } from './stock-part-field';

interface MovementRow extends Record<string, unknown> {
  id: number;
  createdAt: string;
  kind: string;
  part: string;
  location: string;
  onHandDelta: number;
  reservedDelta: number;
  inTransitDelta: number;
  reason: string;
  reference: string;
  actor: string;
  movement: Movement;
}

/** "+5", "−3", "0". */
function signed(value: number): string {
  if (value > 0) return `+${value}`;
  if (value < 0) return `−${Math.abs(value)}`;
  return '0';
}

const columns: DataTableColumn<MovementRow>[] = [
  { accessor: 'createdAt', title: 'Time (IST)', render: (row) => formatDateTimeIst(row.createdAt) },
  { accessor: 'kind', title: 'Kind' },
  {
    accessor: 'part',
    title: 'Part',
    render: (row) => (
      <Stack gap={0}>
        <Text size="sm" className={partNumberClass}>
          {row.movement.part.partNumber}
        </Text>
        <Text size="xs" c="dimmed">
          {row.movement.part.name}
        </Text>
      </Stack>
    ),
  },
  {
    accessor: 'location',
    title: 'Location',
    render: (row) => (
      <Stack gap={0}>
        <Text size="sm">{row.movement.location.name}</Text>
        <Text size="xs" c="dimmed">
          {row.movement.location.city}
        </Text>
      </Stack>
    ),
  },
  {
    accessor: 'onHandDelta',
    title: 'On hand',
    textAlign: 'right',
    render: (row) => signed(row.onHandDelta),
  },
  {
    accessor: 'reservedDelta',
    title: 'Reserved',
    textAlign: 'right',
    render: (row) => signed(row.reservedDelta),
  },
  {
    accessor: 'inTransitDelta',
    title: 'In transit',
    textAlign: 'right',
    render: (row) => signed(row.inTransitDelta),
  },
  {
    accessor: 'reason',
    title: 'Reason',
    render: (row) => (
      <Stack gap={0}>
        <Text size="sm">{row.reason}</Text>
        {row.movement.note && (
          <Text size="xs" c="dimmed">
            {row.movement.note}
          </Text>
        )}
        {row.movement.unitCostPaise !== null && (
          <Text size="xs" c="dimmed">
            {formatPaise(row.movement.unitCostPaise)} a unit
          </Text>
        )}
      </Stack>
    ),
  },
  { accessor: 'reference', title: 'Reference' },
  { accessor: 'actor', title: 'By' },
];

/** The stock ledger, newest first, filtered by location and part, 50 at a time. */
export function MovementsPanel() {
  const [locationId, setLocationId] = useState<string | null>(null);
  const [part, setPart] = useState<PickedPart | null>(null);
  const movements = useMovements({ locationId: locationId ?? undefined, partId: part?.id });

  const items = movements.data?.pages.flatMap((page) => page.items) ?? [];
  const records: MovementRow[] = items.map((movement) => ({
    id: movement.id,
    createdAt: movement.createdAt,
    kind: movementKindLabels[movement.kind],
    part: `${movement.part.partNumber} ${movement.part.name}`,
    location: `${movement.location.name} ${movement.location.city}`,
    onHandDelta: movement.onHandDelta,
    reservedDelta: movement.reservedDelta,
    inTransitDelta: movement.inTransitDelta,
    reason: movement.reason ? movementReasonLabels[movement.reason] : '—',
    reference: movement.referenceType
      ? `${humanise(movement.referenceType)} ${movement.referenceId ?? ''}`.trim()
      : '—',
    actor: actorLabel(movement.actor),
    movement,
  }));

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <LocationSelect
          placeholder="All locations"
          value={locationId}
          onChange={setLocationId}
          clearable
          includeArchived
        />
        <StockPartField label="Part (optional)" value={part} onChange={setPart} />
      </SimpleGrid>
      {movements.isPending ? (
        <LoadingState label="Loading movements…" />
      ) : movements.isError ? (
        <ErrorState error={movements.error} onRetry={() => void movements.refetch()} />
      ) : records.length === 0 ? (
        <EmptyState title="No stock movements">
          Every receipt, adjustment, transfer, count and reservation is recorded here.
        </EmptyState>
      ) : (
        <Stack gap="xs">
          <DataTable<MovementRow>
            ariaLabel="Stock movements"
            records={records}
            columns={columns}
            initialSort={{ columnAccessor: 'id', direction: 'desc' }}
          />
          {movements.hasNextPage && (
            <Group justify="center">
              <Button
                variant="default"
                loading={movements.isFetchingNextPage}
                onClick={() => void movements.fetchNextPage()}
              >
                Load more
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
