import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Consignment } from '../carrier.port.js';
import {
  kilograms,
  mapCancelResponse,
  mapPincodeResponse,
  mapSoftdataResponse,
  parseIstDateTime,
  rupees,
  toRawScan,
  toSoftdataConsignment,
} from './dtdc.rules.js';

const address = {
  name: 'Warehouse Pune',
  phone: '9800000000',
  addressLine1: 'Plot 7, MIDC',
  pincode: '411019',
  city: 'Pune',
  state: 'Maharashtra',
};
const consignment = (overrides: Partial<Consignment> = {}): Consignment => ({
  kind: 'forward',
  customerReference: 'SHP-1',
  description: 'Brake pads',
  declaredValuePaise: 245_000,
  codAmountPaise: 0,
  origin: address,
  destination: {
    ...address,
    name: 'Sharma Auto',
    pincode: '110005',
    city: 'New Delhi',
    state: 'Delhi',
  },
  pieces: [
    {
      description: 'box',
      declaredValuePaise: 245_000,
      weightGrams: 1200,
      lengthCm: 30,
      widthCm: 20,
      heightCm: 10,
    },
  ],
  ...overrides,
});
const account = { customerCode: 'GL123', serviceType: 'B2C PRIORITY', commodityId: '99' };

describe('DTDC units', () => {
  it('writes paise as rupees and grams as kilograms exactly', () => {
    expect(rupees(245_000)).toBe('2450');
    expect(rupees(245_050)).toBe('2450.50');
    expect(rupees(5)).toBe('0.05');
    expect(kilograms(1200)).toBe('1.2');
    expect(kilograms(1000)).toBe('1');
    expect(kilograms(25)).toBe('0.025');
    expect(() => rupees(1.5)).toThrow(RangeError);
    expect(() => kilograms(0)).toThrow(RangeError);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (paise) => {
        expect(Math.round(Number(rupees(paise)) * 100)).toBe(paise);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 ** 9 }), (grams) => {
        expect(Math.round(Number(kilograms(grams)) * 1000)).toBe(grams);
      }),
    );
  });
});

describe('softdata body', () => {
  it('maps a single-piece forward prepaid consignment without pieces_detail', () => {
    const body = toSoftdataConsignment(consignment(), account);
    expect(body).toMatchObject({
      customer_code: 'GL123',
      service_type_id: 'B2C PRIORITY',
      load_type: 'NON-DOCUMENT',
      dimension_unit: 'cm',
      weight_unit: 'kg',
      weight: '1.2',
      declared_value: '2450',
      num_pieces: '1',
      cod_collection_mode: '',
      cod_amount: '0',
      consignment_type: 'Forward',
      commodity_id: '99',
      is_risk_surcharge_applicable: false,
      customer_reference_number: 'SHP-1',
    });
    expect(body).not.toHaveProperty('pieces_detail');
    expect(body.origin_details).toEqual({
      name: 'Warehouse Pune',
      phone: '9800000000',
      address_line_1: 'Plot 7, MIDC',
      address_line_2: '',
      email: '',
      pincode: '411019',
      city: 'Pune',
      state: 'Maharashtra',
    });
  });

  it('sums piece weights, takes the largest box and lists pieces for an MPS reverse COD pickup', () => {
    const body = toSoftdataConsignment(
      consignment({
        kind: 'reverse',
        codAmountPaise: 10_050,
        serviceType: 'B2C SMART EXPRESS',
        returnAddress: address,
        pieces: [
          {
            description: 'a',
            declaredValuePaise: 100,
            weightGrams: 500,
            lengthCm: 10,
            widthCm: 10,
            heightCm: 10,
          },
          {
            description: 'b',
            declaredValuePaise: 200,
            weightGrams: 750,
            lengthCm: 40,
            widthCm: 30,
            heightCm: 20,
          },
        ],
      }),
      account,
    );
    expect(body).toMatchObject({
      service_type_id: 'B2C SMART EXPRESS',
      weight: '1.25',
      length: '40',
      width: '30',
      height: '20',
      num_pieces: '2',
      consignment_type: 'Reverse',
      cod_collection_mode: 'CASH',
      cod_amount: '100.50',
      return_details: { city_name: 'Pune', state_name: 'Maharashtra' },
    });
    expect(body.pieces_detail).toEqual([
      {
        description: 'a',
        declared_value: '1',
        weight: '0.5',
        length: '10',
        width: '10',
        height: '10',
      },
      {
        description: 'b',
        declared_value: '2',
        weight: '0.75',
        length: '40',
        width: '30',
        height: '20',
      },
    ]);
  });
});

describe('softdata answer', () => {
  it('maps a mixed batch in order; success without an AWB is unknown, not booked', () => {
    const outcomes = mapSoftdataResponse(
      {
        status: 'OK',
        data: [
          {
            success: true,
            reference_number: '7X000000001',
            chargeable_weight: 1.25,
            pieces: [
              { reference_number: '7X000000001001' },
              { reference_number: '7X000000001002' },
            ],
          },
          {
            success: false,
            reason: 'SERVICE_TYPE_NOT_FOUND',
            message: 'Service type not found',
            should_retry: false,
          },
          { success: true, reference_number: '' },
          { success: false, reason: 'TAT_NOT_READY', should_retry: true },
        ],
      },
      ['a', 'b', 'c', 'd', 'e'],
    );
    expect(outcomes).toEqual([
      {
        kind: 'booked',
        customerReference: 'a',
        awb: '7X000000001',
        pieceAwbs: ['7X000000001001', '7X000000001002'],
        chargeableWeightGrams: 1250,
      },
      {
        kind: 'rejected',
        customerReference: 'b',
        reason: 'SERVICE_TYPE_NOT_FOUND',
        message: 'Service type not found',
        retryable: false,
      },
      { kind: 'unknown', customerReference: 'c', message: 'success without an AWB' },
      {
        kind: 'rejected',
        customerReference: 'd',
        reason: 'TAT_NOT_READY',
        message: 'TAT_NOT_READY',
        retryable: true,
      },
      { kind: 'unknown', customerReference: 'e', message: 'no entry for this consignment' },
    ]);
  });

  it('refuses an envelope that is not status OK with a data array', () => {
    expect(mapSoftdataResponse({ status: 'FAIL', data: [] }, ['a'])).toBeNull();
    expect(mapSoftdataResponse('oops', ['a'])).toBeNull();
    expect(mapSoftdataResponse({ status: 'OK' }, ['a'])).toBeNull();
  });
});

describe('cancel answer', () => {
  it('reads successConsignments and either failures or failure', () => {
    expect(
      mapCancelResponse(
        {
          status: 'OK',
          successConsignments: [{ reference_number: 'A1', success: true }],
          failures: [{ reference_number: 'A2', success: false, message: 'already picked up' }],
        },
        ['A1', 'A2', 'A3'],
      ),
    ).toEqual([
      { awb: 'A1', kind: 'cancelled' },
      { awb: 'A2', kind: 'refused', message: 'already picked up' },
      { awb: 'A3', kind: 'refused', message: 'no answer for this AWB' },
    ]);
    expect(
      mapCancelResponse({ failure: [{ AWBNo: 'B1', reason: 'WRONG_CUSTOMER' }] }, ['B1']),
    ).toEqual([{ awb: 'B1', kind: 'refused', message: 'WRONG_CUSTOMER' }]);
  });
});

describe('tracking', () => {
  it('reads IST DDMMYYYY with HHMM or HH:MM:SS as UTC instants', () => {
    expect(parseIstDateTime('21062017', '1614')?.toISOString()).toBe('2017-06-21T10:44:00.000Z');
    expect(parseIstDateTime('21062017', '15:30:25')?.toISOString()).toBe(
      '2017-06-21T10:00:25.000Z',
    );
    expect(parseIstDateTime('01012020', '0100')?.toISOString()).toBe('2019-12-31T19:30:00.000Z');
    expect(parseIstDateTime('31022020', '1000')).toBeNull();
    expect(parseIstDateTime('2017-06-21', '1614')).toBeNull();
    expect(parseIstDateTime('21062017', '2460')).toBeNull();
  });

  it('keeps a scan verbatim and accepts both remark casings', () => {
    const raw = {
      strCode: 'DLV',
      strAction: 'Delivered',
      strOrigin: 'X',
      strDestination: '',
      strActionDate: '21062017',
      strActionTime: '1614',
      sTrRemarks: 'SIGN',
      extra: 1,
    };
    expect(toRawScan(raw)).toMatchObject({ code: 'DLV', remarks: 'SIGN', raw });
    expect(toRawScan({ ...raw, sTrRemarks: undefined, strRemarks: 'other' }).remarks).toBe('other');
    expect(toRawScan({ strCode: 'BKD' }).at).toBeNull();
  });
});

describe('pincode answer', () => {
  it('needs SUCCESS and b2C_SERVICEABLE or SERVFLAG; reads COD and TAT', () => {
    expect(
      mapPincodeResponse({
        ZIPCODE_RESP: [{ MESSAGE: 'SUCCESS', SERVFLAG: 'N', SERV_COD: 'N' }],
        SERV_LIST: [{ b2C_SERVICEABLE: 'YES', b2C_COD_Serviceable: 'NO' }],
        SERV_LIST_DTLS: [
          { CODE: 'B2C PRIORITY', TAT: '3' },
          { CODE: 'GEC', TAT: 'x' },
        ],
      }),
    ).toEqual({
      serviceable: true,
      codAvailable: false,
      tatDaysByService: { 'B2C PRIORITY': 3 },
      message: 'SUCCESS',
    });
    expect(
      mapPincodeResponse({ ZIPCODE_RESP: [{ MESSAGE: 'DESTPIN is not valid', SERVFLAG: 'Y' }] }),
    ).toMatchObject({ serviceable: false, codAvailable: false, message: 'DESTPIN is not valid' });
    expect(mapPincodeResponse({})).toMatchObject({ serviceable: false, message: 'no answer' });
  });
});
