/**
 * GST state codes (the first two digits of a GSTIN) and the state or union territory each names,
 * as addresses in SpareFlow spell them (`src/platform/geo/indian-states.ts`). Codes 25 (Daman and
 * Diu, merged in 2020) and 28 (Andhra Pradesh before 2014) survive only in old registrations.
 */
export const gstStateNames: Readonly<Record<string, string>> = {
  '01': 'Jammu and Kashmir',
  '02': 'Himachal Pradesh',
  '03': 'Punjab',
  '04': 'Chandigarh',
  '05': 'Uttarakhand',
  '06': 'Haryana',
  '07': 'Delhi',
  '08': 'Rajasthan',
  '09': 'Uttar Pradesh',
  '10': 'Bihar',
  '11': 'Sikkim',
  '12': 'Arunachal Pradesh',
  '13': 'Nagaland',
  '14': 'Manipur',
  '15': 'Mizoram',
  '16': 'Tripura',
  '17': 'Meghalaya',
  '18': 'Assam',
  '19': 'West Bengal',
  '20': 'Jharkhand',
  '21': 'Odisha',
  '22': 'Chhattisgarh',
  '23': 'Madhya Pradesh',
  '24': 'Gujarat',
  '25': 'Daman and Diu',
  '26': 'Dadra and Nagar Haveli and Daman and Diu',
  '27': 'Maharashtra',
  '28': 'Andhra Pradesh',
  '29': 'Karnataka',
  '30': 'Goa',
  '31': 'Lakshadweep',
  '32': 'Kerala',
  '33': 'Tamil Nadu',
  '34': 'Puducherry',
  '35': 'Andaman and Nicobar Islands',
  '36': 'Telangana',
  '37': 'Andhra Pradesh',
  '38': 'Ladakh',
  '97': 'Other Territory',
  '99': 'Centre Jurisdiction',
};

/** Today's code of a state named as an address names it (Andhra Pradesh is 37, not 28). */
const codeByState = new Map<string, string>(
  Object.entries(gstStateNames)
    .filter(([code]) => code !== '25' && code !== '28')
    .map(([code, name]) => [name.toLowerCase(), code]),
);

/** The GST state code of a state name (any case), or `undefined` for a name not in the list. */
export function gstStateCodeOf(stateName: string): string | undefined {
  return codeByState.get(stateName.trim().toLowerCase());
}

/** `29 – Karnataka`, as invoices print a state; an unknown code prints alone. */
export function stateLabel(code: string): string {
  const name = gstStateNames[code];
  return name ? `${code} – ${name}` : code;
}
