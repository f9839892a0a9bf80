import { Stack, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import {
  DataTable as MantineDataTable,
  type DataTableColumn,
  type DataTableSortStatus,
} from 'mantine-datatable';
import { useMemo, useState } from 'react';
import { humanise } from '../lib/format';
import './data-table.css';

export type { DataTableColumn };

/** How a table shows on a phone (under 48em). */
export type PhoneLayout = 'cards' | 'table';

/** The column's title as text, for the label of its line in a card. */
function labelOf<T>(column: DataTableColumn<T>): string {
  if (typeof column.title === 'string') return column.title;
  return humanise(String(column.accessor));
}

/** Every cell carries its column's title (`data-label`), which the card layout shows. */
function withCardLabels<T>(columns: DataTableColumn<T>[]): DataTableColumn<T>[] {
  return columns.map((column) => ({
    ...column,
    customCellAttributes: (record: T, index: number) => ({
      'data-label': labelOf(column),
      ...column.customCellAttributes?.(record, index),
    }),
  })) as DataTableColumn<T>[];
}

const pageSizes = [10, 20, 50, 100];

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return 1;
  if (b === null || b === undefined) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), 'en-IN', { numeric: true, sensitivity: 'base' });
}

/**
 * The app's table: sortable columns, a filter box over the given text fields, and pagination,
 * all on the rows already loaded (server-side lists page with cursors; see the list pages).
 * Built on mantine-datatable so keyboard, focus and responsive scrolling come from the library.
 * On a phone each row is a card (`phoneLayout="cards"`, the default; data-table.css): every
 * column on a line of its own under the first, so nothing sits off-screen. Put the key column
 * (part number, organization) first.
 */
export function DataTable<T extends Record<string, unknown>>({
  records,
  columns,
  idAccessor = 'id',
  filterFields,
  filterLabel = 'Filter',
  initialSort,
  noRecordsText = 'Nothing matches the filter',
  ariaLabel,
  phoneLayout = 'cards',
}: {
  records: T[];
  columns: DataTableColumn<T>[];
  idAccessor?: keyof T & string;
  /** Fields the filter box searches (case-insensitive substring). */
  filterFields?: (keyof T & string)[];
  filterLabel?: string;
  initialSort?: DataTableSortStatus<T>;
  noRecordsText?: string;
  ariaLabel: string;
  /** `table` keeps the table and scrolls it sideways on a phone (few, narrow columns). */
  phoneLayout?: PhoneLayout;
}) {
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(20);
  const [sortStatus, setSortStatus] = useState<DataTableSortStatus<T>>(
    initialSort ?? { columnAccessor: columns[0]?.accessor ?? idAccessor, direction: 'asc' },
  );

  const visible = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    const filtered =
      needle && filterFields
        ? records.filter((record) =>
            filterFields.some((field) =>
              String(record[field] ?? '')
                .toLowerCase()
                .includes(needle),
            ),
          )
        : records;
    const key = sortStatus.columnAccessor as keyof T;
    const sorted = [...filtered].sort((a, b) => compare(a[key], b[key]));
    return sortStatus.direction === 'desc' ? sorted.reverse() : sorted;
  }, [records, filter, filterFields, sortStatus]);

  const pageRecords = visible.slice((page - 1) * pageSize, page * pageSize);
  const labelledColumns = useMemo(() => withCardLabels(columns), [columns]);

  return (
    <Stack gap="sm">
      {filterFields && (
        <TextInput
          label={filterLabel}
          placeholder="Type to filter"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={filter}
          onChange={(event) => {
            setFilter(event.currentTarget.value);
            setPage(1);
          }}
          maw={360}
        />
      )}
      <MantineDataTable<T>
        aria-label={ariaLabel}
        className={
          phoneLayout === 'cards' ? 'app-data-table app-data-table-cards' : 'app-data-table'
        }
        withTableBorder
        borderRadius="md"
        striped
        highlightOnHover
        minHeight={visible.length === 0 ? 160 : undefined}
        idAccessor={idAccessor}
        records={pageRecords}
        columns={labelledColumns}
        sortStatus={sortStatus}
        onSortStatusChange={setSortStatus}
        totalRecords={visible.length}
        recordsPerPage={pageSize}
        page={page}
        onPageChange={setPage}
        recordsPerPageOptions={pageSizes}
        onRecordsPerPageChange={(size) => {
          setPageSize(size);
          setPage(1);
        }}
        noRecordsText={noRecordsText}
        paginationText={({ from, to, totalRecords }) => `${from}–${to} of ${totalRecords}`}
      />
    </Stack>
  );
}
