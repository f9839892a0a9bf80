import { describe, expect, it } from 'vitest';
import { defaultRateCardTerms as card } from './default-rate-card.js';
import { zoneOf, type Place } from './zone.rules.js';

const place = (pin: string, state: string, ...cities: string[]): Place => ({ pin, state, cities });
// City and state as India Post's directory files these PINs (platform/geo).
const mumbai = place('400001', 'Maharashtra', 'Mumbai', 'Raigarh(MH)');
const thane = place('400703', 'Maharashtra', 'Thane');
const nagpur = place('440001', 'Maharashtra', 'Nagpur');
const newDelhi = place('110001', 'Delhi', 'New Delhi', 'Delhi');
const gurugram = place('122001', 'Haryana', 'Gurugram');
const chennai = place('600001', 'Tamil Nadu', 'Chennai');
const jaipur = place('302001', 'Rajasthan', 'Jaipur');
const guwahati = place('781001', 'Assam', 'Guwahati', 'Kamrup');
const dispur = place('781006', 'Assam', 'Guwahati');
const jorhat = place('785001', 'Assam', 'Jorhat');
const leh = place('194101', 'Ladakh', 'Leh');
const kavaratti = place('682555', 'Lakshadweep', 'Lakshadweep');

describe('zoneOf (metro list and special regions from the rate card)', () => {
  it.each([
    ['the same PIN', mumbai, mumbai, 'within_city'],
    ['the same metro area (Mumbai ↔ Thane)', mumbai, thane, 'within_city'],
    ['New Delhi ↔ Gurugram, one metro area across states', newDelhi, gurugram, 'within_city'],
    ['the same city in a special region', guwahati, dispur, 'within_city'],
    ['two cities of one state', mumbai, nagpur, 'within_state'],
    ['two metros', mumbai, chennai, 'metro_to_metro'],
    ['a metro and a non-metro city', chennai, jaipur, 'rest_of_india'],
    ['a special region at the destination', mumbai, guwahati, 'special'],
    ['a special region at the origin', leh, newDelhi, 'special'],
    ['within a special state, another city', guwahati, jorhat, 'special'],
    ['Lakshadweep', chennai, kavaratti, 'special'],
  ] as const)('%s', (_name, from, to, zone) => {
    expect(zoneOf(card, from, to).zone).toBe(zone);
  });

  it('names the special region and the metro areas it decided on', () => {
    expect(zoneOf(card, mumbai, guwahati)).toMatchObject({
      specialRegion: 'North-East',
      originMetro: 'Mumbai',
      destinationMetro: null,
    });
  });

  it('follows the data: a city added to the metro list makes its route metro to metro', () => {
    const withJaipur = {
      ...card,
      metroCities: [...card.metroCities, { city: 'Jaipur', metro: 'Jaipur' }],
    };
    expect(zoneOf(withJaipur, chennai, jaipur).zone).toBe('metro_to_metro');
    expect(zoneOf({ ...card, specialRegions: [] }, mumbai, guwahati).zone).toBe('rest_of_india');
  });
});
