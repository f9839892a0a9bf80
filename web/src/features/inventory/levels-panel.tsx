import { Anchor, Badge, Button, Group, Stack } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { partNumberClass } from '../../components/part-number';
import { ErrorState, LoadingState } from '../../components/query-state';
import { formatCount } from '../../lib/format';
import { useMe } from '../../session/session-context';
import {
  isLowStock,
  useStockLevels,
  type LevelFilters,
  type StockLevel,
} from './inventory.queries';
import { useLocationNames } from './location-select';
import { ThresholdsDialog } from './thresholds-dialog';
import { can } from '../../session/capabilities';

interface LevelRow extends Record<string, unknown> {
  id: string;
  level: StockLevel;
  partNumber: string;
  partName: string;
  locationName: string;
  onHand: number;
  reserved: number;
  available: number;
  inTransit: number;
  reorderPoint: number | null;
  low: boolean;
}

const number = (value: number) => formatCount(value);

/** Stock levels matching `filters` with low-stock badges, thresholds and "Load more". */
export function LevelsPanel({
  filters,
  enabled = true,
  empty,
  ariaLabel,
}: {
  filters: LevelFilters;
  enabled?: boolean;
  empty: ReactNode;
  ariaLabel: string;
}) {
  const me = useMe();
  const canEdit = can(me, 'stock.write');
  const levels = useStockLevels(filters, enabled);
  const locationNames = useLocationNames();
  const [editing, setEditing] = useState<StockLevel | null>(null);

  if (levels.isPending) return <LoadingState label="Loading stock…" />;
  if (levels.isError)
    return <ErrorState error={levels.error} onRetry={() => void levels.refetch()} />;
  const items = levels.data.pages.flatMap((page) => page.items);
  if (items.length === 0) return <>{empty}</>;

  const records: LevelRow[] = items.map((level) => ({
    id: `${level.locationId}:${level.partId}`,
    level,
    partNumber: level.partNumber,
    partName: level.partName,
    locationName: locationNames.get(level.locationId) ?? 'Location',
    onHand: level.onHand,
    reserved: level.reserved,
    available: level.available,
    inTransit: level.inTransit,
    reorderPoint: level.reorderPoint,
    low: isLowStock(level),
  }));
  const columns: DataTableColumn<LevelRow>[] = [
    {
      accessor: 'partNumber',
      title: 'Part',
      sortable: true,
      cellsClassName: partNumberClass,
      render: (row) => (
        <Anchor component={Link} to={`/catalog/parts/${row.level.partId}`}>
          {row.partNumber}
        </Anchor>
      ),
    },
    { accessor: 'partName', title: 'Name', sortable: true },
    ...(filters.locationId
      ? []
      : [{ accessor: 'locationName' as const, title: 'Location', sortable: true }]),
    {
      accessor: 'onHand',
      title: 'On hand',
      sortable: true,
      textAlign: 'right',
      render: (row) => number(row.onHand),
    },
    {
      accessor: 'reserved',
      title: 'Reserved',
      sortable: true,
      textAlign: 'right',
      render: (row) => number(row.reserved),
    },
    {
      accessor: 'available',
      title: 'Available',
      sortable: true,
      textAlign: 'right',
      render: (row) => number(row.available),
    },
    {
      accessor: 'inTransit',
      title: 'In transit',
      sortable: true,
      textAlign: 'right',
      render: (row) => number(row.inTransit),
    },
    {
      accessor: 'reorderPoint',
      title: 'Reorder point',
      sortable: true,
      textAlign: 'right',
      render: (row) => (row.reorderPoint === null ? '—' : number(row.reorderPoint)),
    },
    {
      accessor: 'low',
      title: 'Status',
      sortable: true,
      render: (row) =>
        row.low ? (
          <Badge color="red" variant="light">
            Low stock
          </Badge>
        ) : (
          <Badge color="green" variant="light">
            OK
          </Badge>
        ),
    },
    ...(canEdit
      ? [
          {
            accessor: 'actions' as const,
            title: 'Actions',
            render: (row: LevelRow) => (
              <Button
                size="xs"
                variant="subtle"
                aria-label={`Thresholds of ${row.partNumber} at ${row.locationName}`}
                onClick={() => setEditing(row.level)}
              >
                Thresholds
              </Button>
            ),
          },
        ]
      : []),
  ];

  return (
    <Stack gap="xs">
      <DataTable<LevelRow>
        ariaLabel={ariaLabel}
        records={records}
        columns={columns}
        filterFields={['partNumber', 'partName', 'locationName']}
      />
      {levels.hasNextPage && (
        <Group justify="center">
          <Button
            variant="default"
            loading={levels.isFetchingNextPage}
            onClick={() => void levels.fetchNextPage()}
          >
            Load more
          </Button>
        </Group>
      )}
      <ThresholdsDialog
        level={editing}
        locationName={editing ? (locationNames.get(editing.locationId) ?? 'this location') : ''}
        onClose={() => setEditing(null)}
      />
    </Stack>
  );
}
