import { Select } from '@mantine/core';
import { locationLabel } from '../locations/location-label';
import { useLocations } from '../locations/locations.queries';

/**
 * The one location picker of the web app: the organization's active locations (archived ones
 * take no stock and are not offered; `includeArchived` for filters of history, where they are
 * marked), each labelled with its name, city and state (`locationLabel`) so two of the same
 * name are told apart.
 */
export function LocationSelect({
  label = 'Location',
  value,
  onChange,
  error,
  withAsterisk,
  clearable,
  placeholder = 'Choose a location',
  excludeId,
  includeArchived = false,
}: {
  label?: string;
  value: string | null;
  onChange: (id: string | null) => void;
  error?: string;
  withAsterisk?: boolean;
  clearable?: boolean;
  placeholder?: string;
  excludeId?: string | null;
  includeArchived?: boolean;
}) {
  const locations = useLocations({ archived: includeArchived });
  const options = (locations.data?.items ?? [])
    .filter((location) => location.id !== excludeId)
    .map((location) => ({ value: location.id, label: locationLabel(location) }));
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

/**
 * Location id → label, for tables of stock and history: archived locations included (their
 * movements and levels stay), named as the pickers name them.
 */
export function useLocationNames(): Map<string, string> {
  const locations = useLocations({ archived: true });
  return new Map(
    (locations.data?.items ?? []).map((location) => [location.id, locationLabel(location)]),
  );
}
