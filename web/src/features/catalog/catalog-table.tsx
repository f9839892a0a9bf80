import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { partNumberClass } from '../../components/part-number';
import { StatusBadge } from '../../components/status-badge';
import { formatPaise } from '../../lib/format';
import type { Part } from './catalog.queries';

interface PartRow extends Record<string, unknown> {
  id: string;
  rank: number;
  partNumber: string;
  name: string;
  category: string;
  unitPricePaise: number;
  mrpPaise: number | null;
  status: string;
  superseded: boolean;
}

const columns: DataTableColumn<PartRow>[] = [
  {
    accessor: 'partNumber',
    title: 'Part number',
    sortable: true,
    cellsClassName: partNumberClass,
    render: (row) => (
      <Anchor component={Link} to={`/catalog/parts/${row.id}`}>
        {row.partNumber}
      </Anchor>
    ),
  },
  { accessor: 'name', title: 'Name', sortable: true },
  { accessor: 'category', title: 'Category', sortable: true },
  {
    accessor: 'unitPricePaise',
    title: 'Unit price',
    sortable: true,
    textAlign: 'right',
    render: (row) => formatPaise(row.unitPricePaise),
  },
  {
    accessor: 'mrpPaise',
    title: 'MRP',
    sortable: true,
    textAlign: 'right',
    render: (row) => (row.mrpPaise === null ? '—' : formatPaise(row.mrpPaise)),
  },
  {
    accessor: 'status',
    title: 'Status',
    render: (row) => (
      <Group gap={4} wrap="wrap">
        <StatusBadge status={row.status} />
        {row.superseded && (
          <Badge color="grape" variant="light">
            Superseded
          </Badge>
        )}
      </Group>
    ),
  },
];

/**
 * Parts in the server's order (search results ranked best first: the hidden `rank` is the
 * initial sort), with "Load more" following the server's cursor.
 */
export function CatalogTable({
  parts,
  searching,
  hasMore,
  loadingMore,
  onLoadMore,
}: {
  parts: Part[];
  searching: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
}) {
  const records: PartRow[] = parts.map((part, index) => ({
    id: part.id,
    rank: index,
    partNumber: part.partNumber,
    name: part.name,
    category: part.category ?? '—',
    unitPricePaise: part.unitPricePaise,
    mrpPaise: part.mrpPaise,
    status: part.status,
    superseded: part.supersededByPartId !== null,
  }));
  return (
    <Stack gap="xs">
      {searching && (
        <Text size="sm" c="dimmed">
          Best matches first.
        </Text>
      )}
      <DataTable<PartRow>
        ariaLabel="Parts"
        records={records}
        columns={columns}
        initialSort={{ columnAccessor: 'rank', direction: 'asc' }}
      />
      {hasMore && (
        <Group justify="center">
          <Button variant="default" loading={loadingMore} onClick={onLoadMore}>
            Load more parts
          </Button>
        </Group>
      )}
    </Stack>
  );
}
