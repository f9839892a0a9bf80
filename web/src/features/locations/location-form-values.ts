import { normalisePhone } from '../../lib/format';
import type { IndianState } from './indian-states';
import type { Location, LocationPatch, NewLocation } from './locations.queries';

/** The location form's fields: the request body's shape, as text inputs hold it. */
export interface LocationFormValues {
  name: string;
  address: {
    contactName: string;
    phone: string;
    line1: string;
    line2: string;
    city: string;
    state: IndianState | '';
    pincode: string;
  };
}

/** Blank for "Add location"; the location's own values for "Edit". */
export function initialLocationValues(location?: Location): LocationFormValues {
  const address = location?.address;
  return {
    name: location?.name ?? '',
    address: {
      contactName: address?.contactName ?? '',
      // Shown as the 10 digits after the +91 prefix the input displays.
      phone: address?.phone.replace(/^\+91/, '') ?? '',
      line1: address?.line1 ?? '',
      line2: address?.line2 ?? '',
      city: address?.city ?? '',
      state: (address?.state as IndianState | undefined) ?? '',
      pincode: address?.pincode ?? '',
    },
  };
}

function trimmed(values: LocationFormValues) {
  const { address } = values;
  return {
    name: values.name.trim(),
    contactName: address.contactName.trim(),
    phone: normalisePhone(address.phone) ?? address.phone.trim(),
    line1: address.line1.trim(),
    line2: address.line2.trim(),
    city: address.city.trim(),
    state: address.state as IndianState,
    pincode: address.pincode.trim(),
  };
}

/** POST /api/v1/locations: an empty second line is left out. */
export function newLocationBody(values: LocationFormValues): NewLocation {
  const { name, line2, ...address } = trimmed(values);
  return { name, address: { ...address, ...(line2 ? { line2 } : {}) } };
}

/** PATCH /api/v1/locations/{id}: every field (the server changes only what differs); an emptied second line is null. */
export function locationPatchBody(values: LocationFormValues): LocationPatch {
  const { name, line2, ...address } = trimmed(values);
  return { name, address: { ...address, line2: line2 || null } };
}
