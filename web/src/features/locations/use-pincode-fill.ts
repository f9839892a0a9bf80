import { useEffect } from 'react';
import { cityMatches } from '../../../../src/platform/geo/city-names';
import type { IndianState } from './indian-states';
import { usePincode, type PinRecord } from './locations.queries';

interface PincodeForm {
  getValues: () => { address: { city: string; state: IndianState | ''; pincode: string } };
  setFieldValue: (path: 'address.state' | 'address.city', value: string) => void;
  setFieldError: (path: string, error: string | null) => void;
}

/** The places India Post knows under a PIN, as the server compares a city against them. */
function placesOf(record: PinRecord): string[] {
  return [
    ...record.cities,
    ...record.districts,
    ...record.postOffices,
    ...record.postal.divisions,
    ...record.postal.regions,
  ];
}

/**
 * Looks a typed PIN up in India Post's directory (GET /api/v1/pincodes/{pin}) and fills the
 * form: the state when it is not one of the PIN's, the city when it is empty; an unknown PIN
 * becomes an error on the PIN field. Returns the city to suggest when the typed city is not one
 * India Post knows for the PIN (the server accepts it, with the same suggestion).
 */
export function usePincodeFill(form: PincodeForm, pincode: string, city: string) {
  const pin = usePincode(pincode.trim());
  const record = pin.data;
  useEffect(() => {
    if (record === undefined) return;
    if (record === null) {
      form.setFieldError('address.pincode', `India Post has no PIN code ${pincode.trim()}`);
      return;
    }
    form.setFieldError('address.pincode', null);
    const { address } = form.getValues();
    if (!(record.states as string[]).includes(address.state))
      form.setFieldValue('address.state', record.state);
    const firstCity = record.cities[0];
    if (!address.city.trim() && firstCity) form.setFieldValue('address.city', firstCity);
    // Runs once per looked-up PIN; `form` is stable for the form's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [record]);
  if (!record || !city.trim() || cityMatches(city, placesOf(record))) return undefined;
  return record.cities[0];
}
