/** What a location picker or table needs to tell two locations apart. */
export interface LabelledLocation {
  name: string;
  address?: { city?: string; state?: string };
  archivedAt?: string | null;
}

/**
 * How a location reads wherever one is chosen or shown: its name, then city and state, so two
 * locations with the same name ("Main warehouse" in Pune and in Guwahati) are told apart;
 * "(archived)" for one that no longer takes stock. The one label function of the web app.
 */
export function locationLabel(location: LabelledLocation): string {
  const place = [location.address?.city, location.address?.state]
    .filter((part): part is string => Boolean(part))
    .join(', ');
  const label = place ? `${location.name} — ${place}` : location.name;
  return location.archivedAt ? `${label} (archived)` : label;
}
