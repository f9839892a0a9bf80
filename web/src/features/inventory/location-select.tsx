import { Select } from '@mantine/core';
import { useLocations } from '../locations/locations.queries';

/** One of the organization's locations. */
export function LocationSelect({
  label = 'Location',
  value,
  onChange,
  error,
  withAsterisk,
  clearable,
  placeholder = 'Choose a location',
  excludeId,
}: {
  label?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  withAsterisk?: boolean;
  clearable?: boolean;
  placeholder?: string;
  excludeId?: string | null;
}) {
  const locations = useLocations();
  const options = (locations.data?.items ?? [])
    .filter((location) => location.id !== excludeId)
    .map((location) => ({ value: location.id, label: location.name }));
  return (
    <Select
      label={label}
      placeholder={locations.isPending ? 'Loading locations…' : placeholder}
      data={options}
      value={value}
      onChange={onChange}
      error={error ?? (locations.isError ? 'Could not load the locations' : undefined)}
      withAsterisk={withAsterisk}
      clearable={clearable}
      searchable
      nothingFoundMessage="No such location"
    />
  );
}

/** Location id → name, for tables. */
export function useLocationNames(): Map<string, string> {
  const locations = useLocations();
  return new Map((locations.data?.items ?? []).map((location) => [location.id, location.name]));
}
