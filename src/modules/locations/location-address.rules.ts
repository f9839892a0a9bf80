import { AppError } from '../../platform/errors/app-error.js';
import { cityMatches } from '../../platform/geo/city-names.js';
import type { PinRecord } from '../../platform/geo/pin-directory.js';
import type { AddressWarning } from './location.schemas.js';

/** The parts of an address the PIN directory can vouch for. */
export interface PlaceOfAddress {
  city: string;
  state: string;
  pincode: string;
}

/**
 * Checks an address against India Post's record of its PIN (`undefined`: no such PIN). A PIN
 * India Post does not list is UNKNOWN_PINCODE and one filed under another state is
 * PINCODE_STATE_MISMATCH (the `pincode` extension names the PIN's states), both on the field in
 * `errors`. A city the directory does not know for the PIN is not refused — city names vary
 * (Bengaluru / Bangalore, a suburb for its city) — but answered with a warning suggesting the
 * PIN's city. Pure.
 */
export function checkAddressPlace(
  record: PinRecord | undefined,
  address: PlaceOfAddress,
): AddressWarning[] {
  const { pincode, state, city } = address;
  if (!record)
    throw new AppError('UNKNOWN_PINCODE', {
      detail: `India Post has no PIN code ${pincode}.`,
      errors: [{ path: 'body.address.pincode', message: 'is not in India Post’s PIN directory' }],
    });
  if (!(record.states as readonly string[]).includes(state)) {
    const filed = record.states.join(' or ');
    throw new AppError('PINCODE_STATE_MISMATCH', {
      detail: `PIN ${pincode} is in ${filed}, not ${state}.`,
      errors: [{ path: 'body.address.state', message: `PIN ${pincode} is in ${filed}` }],
      extensions: { pincode: { pin: pincode, state: record.state, states: record.states } },
    });
  }
  const places = [
    ...record.cities,
    ...record.districts,
    ...record.postOffices,
    ...record.postal.divisions,
    ...record.postal.regions,
  ];
  const suggestion = record.cities[0];
  if (suggestion === undefined || cityMatches(city, places)) return [];
  return [
    {
      path: 'body.address.city',
      code: 'CITY_NOT_IN_PIN_DIRECTORY',
      message: `India Post lists PIN ${pincode} under ${record.cities.join(', ')}, not ${city}.`,
      suggestion,
    },
  ];
}
