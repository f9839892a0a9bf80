import { Anchor, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { EmptyState, ErrorState, LoadingState } from '../../components/query-state';
import { humanise } from '../../lib/format';
import { useMe } from '../../session/session-context';
import { CatalogTable } from './catalog-table';
import { partStatuses, useParts, usePartnerBrands, type PartStatus } from './catalog.queries';
import { PartEditorDialog } from './part-editor-dialog';
import { can } from '../../session/capabilities';

const statusOptions = partStatuses.map((status) => ({ value: status, label: humanise(status) }));

/** The parts catalog: a brand's own, a partner's brands' (one at a time), or the public one. */
export function CatalogPage() {
  const me = useMe();
  const type = me.organization.type;
  const isBrand = type === 'brand';
  const isPartner = type === 'distributor' || type === 'service_center';
  const canEdit = can(me, 'catalog.write');

  const [search, setSearch] = useState('');
  const [category, setCategory] = useState('');
  const [status, setStatus] = useState<PartStatus | null>(null);
  const [chosenBrand, setChosenBrand] = useState<string | null>(null);
  const [q] = useDebouncedValue(search, 300);
  const [debouncedCategory] = useDebouncedValue(category, 300);

  const brands = usePartnerBrands(isPartner);
  const brandId = isPartner ? (chosenBrand ?? brands.data?.[0]?.brandId) : undefined;
  const parts = useParts(
    { q, category: debouncedCategory, status: status ?? undefined, brandId },
    !isPartner || Boolean(brandId),
  );

  const header = (
    <PageHeader
      title="Catalog"
      description={
        isBrand
          ? 'Your parts: prices, tax, dimensions, supersession and images.'
          : 'Search spare parts by part number, name or model.'
      }
      actions={canEdit && <PartEditorDialog />}
    />
  );

  if (isPartner && brands.isPending)
    return (
      <Stack gap="md">
        {header}
        <LoadingState />
      </Stack>
    );
  if (isPartner && brands.isError)
    return (
      <Stack gap="md">
        {header}
        <ErrorState error={brands.error} onRetry={() => void brands.refetch()} />
      </Stack>
    );
  if (isPartner && !brandId)
    return (
      <Stack gap="md">
        {header}
        <EmptyState title="No brand catalogs yet">
          Brands share their catalog with active partners. Find a brand and request access on the{' '}
          <Anchor component={Link} to="/network">
            Brands
          </Anchor>{' '}
          page.
        </EmptyState>
      </Stack>
    );

  const items = parts.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(q.trim() || debouncedCategory.trim() || status);

  return (
    <Stack gap="md">
      {header}
      <SimpleGrid cols={{ base: 1, sm: isPartner ? 4 : 3 }}>
        {isPartner && (
          <Select
            label="Brand"
            data={(brands.data ?? []).map((brand) => ({ value: brand.brandId, label: brand.name }))}
            value={brandId ?? null}
            onChange={setChosenBrand}
            allowDeselect={false}
          />
        )}
        <TextInput
          label="Search parts"
          placeholder="Part number, name or model"
          leftSection={<IconSearch size={16} aria-hidden />}
          value={search}
          onChange={(event) => setSearch(event.currentTarget.value)}
        />
        <TextInput
          label="Category"
          placeholder="Any category"
          value={category}
          onChange={(event) => setCategory(event.currentTarget.value)}
        />
        {type !== 'customer' && (
          <Select
            label="Status"
            placeholder="Any status"
            data={statusOptions}
            value={status}
            onChange={(value) => setStatus(value as PartStatus | null)}
            clearable
          />
        )}
      </SimpleGrid>
      {parts.isPending ? (
        <LoadingState label="Loading parts…" />
      ) : parts.isError ? (
        <ErrorState error={parts.error} onRetry={() => void parts.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? 'No parts match' : 'No parts yet'}>
          {filtered
            ? 'Check the spelling or try a shorter part number or model.'
            : canEdit
              ? 'Add your first part with “Add part”, or import a CSV on the Imports page.'
              : 'This catalog has no parts to show yet.'}
        </EmptyState>
      ) : (
        <CatalogTable
          parts={items}
          searching={Boolean(q.trim())}
          hasMore={parts.hasNextPage}
          loadingMore={parts.isFetchingNextPage}
          onLoadMore={() => void parts.fetchNextPage()}
        />
      )}
    </Stack>
  );
}
