import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { usePartSearch } from './catalog.queries';

export interface PickedPart {
  id: string;
  partNumber: string;
  name: string;
}

/**
 * A part chosen by searching the catalog on the server (part number, name or model). Partners
 * pass the brand whose catalog to search.
 */
export function PartPicker({
  label = 'Part',
  value,
  onChange,
  brandId,
  excludeIds = [],
  error,
  withAsterisk,
  searchEnabled = true,
}: {
  label?: string;
  value: PickedPart | null;
  onChange: (part: PickedPart | null) => void;
  brandId?: string;
  excludeIds?: string[];
  error?: string;
  withAsterisk?: boolean;
  /** False until the catalog to search is known (partners: the brand). */
  searchEnabled?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 300);
  const results = usePartSearch(q, brandId, searchEnabled);
  const found = (results.data?.items ?? []).filter((part) => !excludeIds.includes(part.id));
  const options = [...(value ? [value] : []), ...found.filter((part) => part.id !== value?.id)];
  const labelOf = (part: PickedPart) => `${part.partNumber} — ${part.name}`;

  return (
    <Select
      label={label}
      withAsterisk={withAsterisk}
      placeholder="Search by part number or name"
      searchable
      clearable
      filter={({ options: all }) => all}
      nothingFoundMessage={results.isFetching ? 'Searching…' : 'No parts match'}
      data={options.map((part) => ({ value: part.id, label: labelOf(part) }))}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const part = options.find((option) => option.id === id);
        onChange(part ? { id: part.id, partNumber: part.partNumber, name: part.name } : null);
      }}
      error={error}
    />
  );
}
