import { Badge, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable, type DataTableColumn } from '../../components/data-table';
import { PageHeader } from '../../components/page-header';
import { EmptyState, QueryState } from '../../components/query-state';
import { formatDateIst, humanise } from '../../lib/format';
import { useOrganizations, type OrganizationFilters } from './admin.queries';
import { OrganizationStatusButton } from './organization-status-button';

interface OrganizationRow extends Record<string, unknown> {
  id: string;
  name: string;
  type: string;
  status: 'active' | 'suspended';
  createdAt: string;
}

const types = ['brand', 'distributor', 'service_center', 'customer'] as const;

const columns: DataTableColumn<OrganizationRow>[] = [
  { accessor: 'name', title: 'Name', sortable: true },
  { accessor: 'type', title: 'Type', sortable: true, render: (row) => humanise(row.type) },
  {
    accessor: 'status',
    title: 'Status',
    sortable: true,
    render: (row) => (
      <Badge color={row.status === 'active' ? 'green' : 'orange'} variant="light">
        {humanise(row.status)}
      </Badge>
    ),
  },
  {
    accessor: 'createdAt',
    title: 'Joined',
    sortable: true,
    render: (row) => formatDateIst(row.createdAt),
  },
  {
    accessor: 'actions',
    title: 'Actions',
    render: (row) => <OrganizationStatusButton organization={row} />,
  },
];

/** Platform administrators: every tenant organization; suspend or reactivate one. */
export function OrganizationsPage() {
  const [type, setType] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 300);
  const filters: OrganizationFilters = {
    ...(type ? { type: type as OrganizationFilters['type'] } : {}),
    ...(status ? { status: status as OrganizationFilters['status'] } : {}),
    ...(q ? { q } : {}),
  };
  const organizations = useOrganizations(filters);
  const filtered = Boolean(type ?? status ?? q);

  return (
    <Stack gap="md">
      <PageHeader
        title="Organizations"
        description="Every brand, distributor, service centre and customer on SpareFlow."
      />
      <Group gap="sm" wrap="wrap" align="flex-end">
        <TextInput
          label="Search by name"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
          maxLength={100}
          w={{ base: '100%', sm: 260 }}
        />
        <Select
          label="Type"
          placeholder="All types"
          clearable
          data={types.map((value) => ({ value, label: humanise(value) }))}
          value={type}
          onChange={setType}
          w={{ base: '100%', sm: 200 }}
        />
        <Select
          label="Status"
          placeholder="Any status"
          clearable
          data={[
            { value: 'active', label: 'Active' },
            { value: 'suspended', label: 'Suspended' },
          ]}
          value={status}
          onChange={setStatus}
          w={{ base: '100%', sm: 200 }}
        />
      </Group>
      <QueryState
        query={organizations}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title={filtered ? 'No organization matches' : 'No organizations yet'}>
            {filtered
              ? 'Clear a filter or search for another part of the name.'
              : 'Organizations appear here as they register.'}
          </EmptyState>
        }
      >
        {(data) => (
          <Stack gap="xs">
            <DataTable<OrganizationRow>
              ariaLabel="Organizations"
              records={data.items}
              columns={columns}
              initialSort={{ columnAccessor: 'createdAt', direction: 'desc' }}
            />
            {data.truncated && (
              <Text size="sm" c="dimmed">
                Showing the first {data.items.length}; narrow the search to see the rest.
              </Text>
            )}
          </Stack>
        )}
      </QueryState>
    </Stack>
  );
}
