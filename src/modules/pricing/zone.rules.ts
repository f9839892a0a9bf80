import { cityKey } from '../../platform/geo/city-names.js';
import type { MetroCity, SpecialRegion, Zone } from './rate-card.js';

/** Where a PIN is, as the India Post directory files it (`PinRecord` of `platform/geo`). */
export interface Place {
  pin: string;
  state: string;
  /** The PIN's cities, likeliest first; the first one is the PIN's city. */
  cities: readonly string[];
}

/** The metro list and special regions of a rate card: zones are data, not code. */
export interface ZoneData {
  metroCities: readonly MetroCity[];
  specialRegions: readonly SpecialRegion[];
}

/** Why a zone was chosen, shown next to the price. */
export interface ZoneDecision {
  zone: Zone;
  originCity: string;
  destinationCity: string;
  /** The metro area of each end, when it is in one. */
  originMetro: string | null;
  destinationMetro: string | null;
  /** The special region that made the zone special (either end). */
  specialRegion: string | null;
}

const cityOf = (place: Place) => place.cities[0] ?? place.state;

/**
 * The zone between two places, first rule that matches:
 * 1. within city — the same city, or the same metro area (Mumbai ↔ Thane);
 * 2. special — either end in a special region (North-East, J&K, Ladakh, islands);
 * 3. within state — the same state or union territory;
 * 4. metro to metro — both ends in metro areas;
 * 5. rest of India — everything else.
 * Local delivery inside a special region is still local, hence city before special.
 */
export function zoneOf(data: ZoneData, origin: Place, destination: Place): ZoneDecision {
  const metroByCity = new Map(data.metroCities.map((m) => [cityKey(m.city), m.metro]));
  const regionByState = new Map<string, string>(
    data.specialRegions.map((r) => [r.state, r.region]),
  );
  const originCity = cityOf(origin);
  const destinationCity = cityOf(destination);
  const originMetro = metroByCity.get(cityKey(originCity)) ?? null;
  const destinationMetro = metroByCity.get(cityKey(destinationCity)) ?? null;
  const specialRegion =
    regionByState.get(origin.state) ?? regionByState.get(destination.state) ?? null;
  const decided = (zone: Zone): ZoneDecision => ({
    zone,
    originCity,
    destinationCity,
    originMetro,
    destinationMetro,
    specialRegion: zone === 'special' ? specialRegion : null,
  });
  const sameMetro = originMetro !== null && originMetro === destinationMetro;
  if (sameMetro || cityKey(originCity) === cityKey(destinationCity)) return decided('within_city');
  if (specialRegion !== null) return decided('special');
  if (origin.state === destination.state) return decided('within_state');
  if (originMetro !== null && destinationMetro !== null) return decided('metro_to_metro');
  return decided('rest_of_india');
}
