import { Button, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { DataTable } from '../../components/data-table';
import { EmptyState, QueryState } from '../../components/query-state';
import { useBrandDirectory, type DirectoryBrand } from './network.queries';
import { RequestAccessDialog } from './request-access-dialog';
import { StatusBadge } from '../../components/status-badge';

/** The brand directory: search by name and ask to join where there is no open relationship. */
export function FindBrandsPanel() {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 300);
  const brands = useBrandDirectory(debounced);
  const [requesting, setRequesting] = useState<DirectoryBrand | null>(null);

  return (
    <Stack gap="sm">
      <TextInput
        label="Search brands"
        placeholder="Part of the brand's name"
        leftSection={<IconSearch size={16} aria-hidden />}
        value={search}
        onChange={(event) => setSearch(event.currentTarget.value)}
        maxLength={100}
        maw={360}
      />
      <QueryState
        query={brands}
        isEmpty={(data) => data.items.length === 0}
        empty={
          <EmptyState title="No brands found">
            {debounced.trim()
              ? 'No brand’s name contains that text. Try a shorter search.'
              : 'No brands are on SpareFlow yet.'}
          </EmptyState>
        }
      >
        {(data) => (
          <DataTable
            ariaLabel="Brands directory"
            records={data.items}
            columns={[
              { accessor: 'name', title: 'Brand', sortable: true },
              {
                accessor: 'relationship',
                title: 'Your standing',
                render: (brand) =>
                  brand.relationship ? (
                    <StatusBadge status={brand.relationship} />
                  ) : (
                    <Text size="sm" c="dimmed">
                      Not a partner
                    </Text>
                  ),
              },
              {
                accessor: 'actions',
                title: 'Actions',
                render: (brand) =>
                  brand.relationship === 'active' || brand.relationship === 'pending' ? null : (
                    <Button size="xs" variant="light" onClick={() => setRequesting(brand)}>
                      Request access
                    </Button>
                  ),
              },
            ]}
          />
        )}
      </QueryState>
      <RequestAccessDialog brand={requesting} onClose={() => setRequesting(null)} />
    </Stack>
  );
}
