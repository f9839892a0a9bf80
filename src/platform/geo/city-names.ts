// No imports here: the web app's location form compares cities with these rules too.

/**
 * Cities as people write them against the names India Post files a PIN under. The directory
 * knows districts, postal divisions and regions, and post offices; people write the city, often
 * by its renamed or older name (Bengaluru / Bangalore, Gurugram / Gurgaon). A city is "known" for
 * a PIN when it names one of those, or is the other name of one; otherwise the caller suggests
 * the PIN's city instead of refusing the address.
 */

/** Renamed cities: the name India Post's data may still use → today's official name. */
const renamedCities: ReadonlyArray<readonly [old: string, today: string]> = [
  ['Allahabad', 'Prayagraj'],
  ['Bangalore', 'Bengaluru'],
  ['Banaras', 'Varanasi'],
  ['Baroda', 'Vadodara'],
  ['Belgaum', 'Belagavi'],
  ['Bellary', 'Ballari'],
  ['Bombay', 'Mumbai'],
  ['Calcutta', 'Kolkata'],
  ['Calicut', 'Kozhikode'],
  ['Cochin', 'Kochi'],
  ['Faizabad', 'Ayodhya'],
  ['Gulbarga', 'Kalaburagi'],
  ['Gurgaon', 'Gurugram'],
  ['Hubli', 'Hubballi'],
  ['Madras', 'Chennai'],
  ['Mangalore', 'Mangaluru'],
  ['Mysore', 'Mysuru'],
  ['Pondicherry', 'Puducherry'],
  ['Poona', 'Pune'],
  ['Shimoga', 'Shivamogga'],
  ['Simla', 'Shimla'],
  ['Trivandrum', 'Thiruvananthapuram'],
  ['Tumkur', 'Tumakuru'],
];

/** Cities known by the name of the district that holds them (Kochi lies in Ernakulam). */
const districtCities: ReadonlyArray<readonly [district: string, city: string]> = [
  ['Ernakulam', 'Kochi'],
  ['K.V.Rangareddy', 'Hyderabad'],
  ['Gautam Buddha Nagar', 'Noida'],
];

/** A name as a comparison key: lower case, letters and digits only ("Karim Nagar" = "Karimnagar"). */
export function cityKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const todayByKey = new Map(renamedCities.map(([old, today]) => [cityKey(old), today]));
const otherNames = new Map<string, string[]>();
for (const [a, b] of [...renamedCities, ...districtCities]) {
  otherNames.set(cityKey(a), [...(otherNames.get(cityKey(a)) ?? []), cityKey(b)]);
  otherNames.set(cityKey(b), [...(otherNames.get(cityKey(b)) ?? []), cityKey(a)]);
}

/** Today's name of a city India Post may file under an older one ("Bangalore" → "Bengaluru"). */
export function todaysCityName(name: string): string {
  return todayByKey.get(cityKey(name)) ?? name;
}

/**
 * The city a district stands for: Delhi's districts ("South West Delhi") are all Delhi, except
 * New Delhi; a renamed city gets today's name; a district known by its city gives the city.
 */
export function cityOfDistrict(district: string): string {
  if (/^((north|south|east|west|central|new)\s+)*delhi$/i.test(district.trim()))
    return /^new\s+delhi$/i.test(district.trim()) ? 'New Delhi' : 'Delhi';
  const key = cityKey(district);
  const known = districtCities.find(([name]) => cityKey(name) === key);
  return known ? known[1] : todaysCityName(district);
}

/** Districts named after a region, not a town ("East Sikkim", "North Goa"). */
const regionalDistrict = /^(north|south|east|west|central|upper|lower)\b/i;

/** Whether `part`'s words occur in `whole`'s, one after another. */
function containsWords(whole: readonly string[], part: readonly string[]): boolean {
  if (part.length === 0) return false;
  for (let start = 0; start + part.length <= whole.length; start += 1)
    if (part.every((word, index) => whole[start + index] === word)) return true;
  return false;
}

/**
 * The cities a PIN stands for, most likely first: a post office named in a postal division or
 * region (the office "Guwahati" of the division "Guwahati", "Panaji" of the region "Goa-Panaji":
 * a town's head office); for a district named after a region ("East Sikkim"), an office whose
 * name starts others' ("Gangtok" of "Gangtok Bazar"); then each district's city
 * (`cityOfDistrict`). Today's names throughout.
 */
export function citiesOfPin(
  districts: readonly string[],
  postOffices: readonly string[],
  postalUnits: readonly string[],
): string[] {
  const unitWords = postalUnits.map(words);
  const towns = postOffices.filter((office) => {
    const officeWords = words(office);
    return (
      cityKey(office).length >= 4 && unitWords.some((unit) => containsWords(unit, officeWords))
    );
  });
  if (districts.some((district) => regionalDistrict.test(district) && !/delhi$/i.test(district)))
    towns.push(
      ...postOffices.filter((office) =>
        postOffices.some((other) => other !== office && other.startsWith(`${office} `)),
      ),
    );
  return [...new Set([...towns.map(todaysCityName), ...districts.map(cityOfDistrict)])];
}

/** The words of a name, for "starts with" comparisons ("Pune City East" starts with "Pune"). */
function words(name: string): string[] {
  return name
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((word) => word !== '');
}

/**
 * Whether `city` names one of `places` (the PIN's districts, divisions, regions and post
 * offices): the same letters ignoring case, spaces and punctuation; or the first words of a place
 * ("New Delhi" for the division "New Delhi Central"); or a name in brackets ("Hyderabad" for
 * "Gandhi Bhawan (Hyderabad)"); or the other name of a renamed city or of a district's city.
 */
export function cityMatches(city: string, places: readonly string[]): boolean {
  const key = cityKey(city);
  if (key === '') return false;
  const keys = new Set([key, ...(otherNames.get(key) ?? [])]);
  const cityWords = words(city);
  for (const place of places) {
    if (keys.has(cityKey(place))) return true;
    for (const inner of place.matchAll(/\(([^)]+)\)/g))
      if (inner[1] !== undefined && keys.has(cityKey(inner[1]))) return true;
    const placeWords = words(place);
    if (
      cityWords.length > 0 &&
      cityWords.length < placeWords.length &&
      cityWords.every((word, index) => placeWords[index] === word)
    )
      return true;
  }
  return false;
}
