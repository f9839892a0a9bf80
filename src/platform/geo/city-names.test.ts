import { describe, expect, it } from 'vitest';
import { cityMatches, cityOfDistrict, citiesOfPin, todaysCityName } from './city-names.js';

describe('city names', () => {
  it('gives renamed cities today’s names', () => {
    expect(todaysCityName('Bangalore')).toBe('Bengaluru');
    expect(todaysCityName('GURGAON')).toBe('Gurugram');
    expect(todaysCityName('Pune')).toBe('Pune');
  });

  it('reads Delhi’s districts as Delhi, New Delhi as New Delhi', () => {
    expect(cityOfDistrict('South West Delhi')).toBe('Delhi');
    expect(cityOfDistrict('New Delhi')).toBe('New Delhi');
    expect(cityOfDistrict('Ernakulam')).toBe('Kochi');
  });

  it('puts a town’s head office before the district', () => {
    expect(citiesOfPin(['Kamrup'], ['Fancy Bazar', 'Guwahati', 'Uzanbazar'], ['Guwahati'])).toEqual(
      ['Guwahati', 'Kamrup'],
    );
    expect(citiesOfPin(['North Goa'], ['Miramar', 'Panaji'], ['Goa', 'Goa-Panaji'])).toEqual([
      'Panaji',
      'North Goa',
    ]);
    // A district named after a region: the office whose name starts others'.
    expect(
      citiesOfPin(['East Sikkim'], ['Gangtok', 'Gangtok Bazar', 'Sichey Gaon'], ['Sikkim']),
    ).toEqual(['Gangtok', 'East Sikkim']);
    expect(citiesOfPin(['Bangalore'], ['Bangalore', 'HighCourt'], ['Bangalore GPO'])).toEqual([
      'Bengaluru',
    ]);
  });

  it('matches a city by either name, ignoring case, spaces and punctuation', () => {
    const bengaluru = ['Bangalore', 'Bangalore GPO', 'Rajbhavan (Bangalore)'];
    expect(cityMatches('Bengaluru', bengaluru)).toBe(true);
    expect(cityMatches('bangalore', bengaluru)).toBe(true);
    expect(cityMatches('Karimnagar', ['Karim Nagar'])).toBe(true);
    expect(cityMatches('New Delhi', ['Central Delhi', 'New Delhi Central'])).toBe(true);
    expect(cityMatches('Hyderabad', ['Gandhi Bhawan (Hyderabad)'])).toBe(true);
  });

  it('does not match another city', () => {
    expect(cityMatches('Mumbai', ['Pune', 'Pune City East'])).toBe(false);
    expect(cityMatches('', ['Pune'])).toBe(false);
    expect(cityMatches('Pune City East Extension', ['Pune City East'])).toBe(false);
  });
});
