import { describe, expect, it } from 'vitest';
import type { PinDirectory, PinRecord } from '../../../platform/geo/pin-directory.js';
import { istParts, scansSoFar, timelines } from './simulator-timeline.js';
import { chargeableWeight, validateConsignment } from './simulator-validation.js';

const record = (pin: string, state: PinRecord['state']): PinRecord => ({
  pin,
  state,
  states: [state],
  districts: ['D'],
  cities: ['C'],
  postOffices: ['P'],
  postal: { circles: [], regions: [], divisions: [] },
});
/** A two-PIN directory with the same port as the India Post one. */
const pins: PinDirectory = {
  lookup: (pin) =>
    Promise.resolve(
      pin === '411019'
        ? record(pin, 'Maharashtra')
        : pin === '744101'
          ? record(pin, 'Andaman and Nicobar Islands')
          : undefined,
    ),
};
const address = {
  name: 'n',
  phone: '9800000000',
  address_line_1: 'a',
  pincode: '411019',
  city: 'c',
  state: 's',
};
const valid = {
  customer_code: 'GL1',
  service_type_id: 'B2C PRIORITY',
  load_type: 'NON-DOCUMENT',
  dimension_unit: 'CM',
  length: '10',
  width: '10',
  height: '10',
  weight_unit: 'KG',
  weight: '1',
  declared_value: '100',
  num_pieces: '1',
  customer_reference_number: 'r',
  commodity_id: '99',
  is_risk_surcharge_applicable: false,
  origin_details: address,
  destination_details: address,
};
const check = (overrides: Record<string, unknown>, rejectNonAscii = false) =>
  validateConsignment({ ...valid, ...overrides }, 'GL1', pins, { rejectNonAscii });

describe('the simulator validates consignments like the fake DTDC', () => {
  it('accepts a complete consignment, units case-insensitive', async () => {
    expect(await check({})).toBeNull();
  });

  it('rejects each documented case with its reason', async () => {
    expect((await check({ weight: '' }))?.message).toBe('weight is mandatory');
    expect(await check({ service_type_id: 'X' })).toMatchObject({
      reason: 'SERVICE_TYPE_NOT_FOUND',
    });
    expect((await check({ service_type_id: 'GEC' }))?.message).toMatch(/does not Belong to Client/);
    expect((await check({ customer_code: 'OTHER' }))?.reason).toBe('WRONG_INPUT');
    expect((await check({ dimension_unit: 'in' }))?.message).toBe('We accept only CM');
    expect((await check({ weight_unit: 'lb' }))?.message).toBe('We accept only KG');
    expect((await check({ declared_value: '0' }))?.reason).toBe('Invalid Declared Price');
    expect((await check({ declared_value: 'abc' }))?.reason).toBe('Invalid Declared Price');
    expect((await check({ num_pieces: '2' }))?.message).toMatch(/pieces_detail/);
    expect((await check({ cod_amount: '10' }))?.message).toMatch(/cod_collection_mode/);
    expect((await check({ destination_details: { ...address, pincode: '012345' } }))?.reason).toBe(
      'INVALID_PINCODE',
    );
    expect((await check({ destination_details: { ...address, pincode: '744101' } }))?.reason).toBe(
      'PINCODE_NOT_SERVICEABLE',
    );
    expect(
      await check({
        service_type_id: 'B2C GROUND ECONOMY',
        cod_amount: '10',
        cod_collection_mode: 'CASH',
        destination_details: { ...address, pincode: '744101' },
      }),
    ).toMatchObject({ reason: 'COD_NOT_SERVICEABLE' });
    const accented = { destination_details: { ...address, name: 'Zoë' } };
    expect(await check(accented)).toBeNull();
    expect((await check(accented, true))?.message).toMatch(/Non-ASCII/);
  });

  it('computes chargeable weight as max(dead, volumetric / 5000) over the pieces', () => {
    expect(chargeableWeight({ ...valid, weight: '1' })).toBe(1);
    expect(chargeableWeight({ ...valid, length: 50, width: 40, height: 30 })).toBe(12);
    expect(
      chargeableWeight({
        ...valid,
        weight: '0.5',
        pieces_detail: [
          { length: 10, width: 10, height: 10 },
          { length: 20, width: 10, height: 10 },
        ],
      }),
    ).toBe(0.6);
  });
});

describe('the simulator timeline', () => {
  it('reveals scans as the clock passes them; every script ends delivered or returned', () => {
    const booked = Date.UTC(2026, 0, 1, 4, 30);
    expect(scansSoFar('deliver', booked, booked).map((s) => s.code)).toEqual(['BKD']);
    expect(scansSoFar('deliver', booked, booked + 1320 * 60_000).at(-1)?.code).toBe('DLV');
    expect(timelines.ndr.map((s) => s.code)).toContain('NONDLV');
    expect(timelines.rto.map((s) => s.code).slice(-2)).toEqual(['RTO', 'DLV']);
    for (const script of Object.values(timelines))
      for (let i = 1; i < script.length; i++)
        expect(script[i]!.minutes).toBeGreaterThan(script[i - 1]!.minutes);
  });

  it('writes IST dates as DDMMYYYY and times as HHMM', () => {
    expect(istParts(Date.UTC(2017, 5, 21, 10, 44))).toEqual({ date: '21062017', time: '1614' });
    expect(istParts(Date.UTC(2019, 11, 31, 19, 30))).toEqual({ date: '01012020', time: '0100' });
  });
});
