import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

const testApp = useTestApp();

describe('DTDC in sandbox mode (the container wiring)', () => {
  it('the container carrier books, labels, tracks and cancels through the sandbox simulator', async () => {
    const { carrier, sandbox } = testApp().container;
    expect(sandbox.names).toContain('dtdc');
    const address = {
      name: 'Warehouse Pune',
      phone: '9800000001',
      addressLine1: 'Plot 7, MIDC',
      pincode: '411019',
      city: 'Pune',
      state: 'Maharashtra',
    };
    const lane = await carrier.serviceability('411019', '560001');
    expect(lane).toMatchObject({ kind: 'ok', value: { serviceable: true } });
    const booked = await carrier.book([
      {
        kind: 'reverse',
        customerReference: 'E2E-1',
        description: 'Return of a faulty pump',
        declaredValuePaise: 150_000,
        codAmountPaise: 0,
        origin: { ...address, pincode: '560001', city: 'Bengaluru', state: 'Karnataka' },
        destination: address,
        pieces: [
          {
            description: 'pump',
            declaredValuePaise: 150_000,
            weightGrams: 2500,
            lengthCm: 40,
            widthCm: 30,
            heightCm: 20,
          },
        ],
      },
    ]);
    if (booked.kind !== 'answered' || booked.outcomes[0]?.kind !== 'booked')
      throw new Error(JSON.stringify(booked));
    const { awb } = booked.outcomes[0];
    expect(await carrier.label(awb, { format: 'base64', size: '4x6' })).toMatchObject({
      kind: 'ok',
    });
    expect(await carrier.track([awb])).toMatchObject({
      kind: 'ok',
      value: [{ kind: 'found', customerReference: 'E2E-1', scans: [{ code: 'BKD' }] }],
    });
    expect(await carrier.findByReference('E2E-1')).toEqual({ kind: 'ok', value: { awb } });
    expect(await carrier.cancel([awb])).toEqual({
      kind: 'ok',
      value: [{ awb, kind: 'cancelled' }],
    });
  });
});
