import { describe, expect, it } from 'vitest';
import { OutboundHttpError } from '../../../platform/outbound-http/outbound-http-client.js';
import { isConnectFailure, trackingOutcome } from './dtdc.adapter.js';

const failure = (kind: 'timeout' | 'network' | 'refused', cause: unknown) =>
  new OutboundHttpError(kind, 'dtdc', 'POST /softdata', 1, { cause });

describe('what counts as "nothing was sent" (fail-over is safe)', () => {
  it('connect failures only, found anywhere in the cause chain', () => {
    expect(isConnectFailure(failure('network', { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isConnectFailure(failure('network', { code: 'ENOTFOUND' }))).toBe(true);
    expect(
      isConnectFailure(failure('timeout', { cause: { code: 'UND_ERR_CONNECT_TIMEOUT' } })),
    ).toBe(true);
    expect(isConnectFailure(failure('refused', {}))).toBe(true);
  });

  it('never after a connection: resets, socket closes and response timeouts', () => {
    expect(isConnectFailure(failure('network', { code: 'ECONNRESET' }))).toBe(false);
    expect(isConnectFailure(failure('network', { code: 'UND_ERR_SOCKET' }))).toBe(false);
    expect(isConnectFailure(failure('timeout', { name: 'TimeoutError' }))).toBe(false);
    expect(isConnectFailure(failure('timeout', undefined))).toBe(false);
  });
});

describe('tracking answers', () => {
  it('not found reads strError from an array or a plain string', () => {
    expect(
      trackingOutcome('X1', {
        statusFlag: false,
        status: 'FAILED',
        errorDetails: [
          { name: 'strShipmentNo', value: 'X1' },
          { name: 'strError', value: 'NO DATA FOUND FOR THIS CNNO NUMBER' },
        ],
      }),
    ).toEqual({ awb: 'X1', kind: 'not_found', message: 'NO DATA FOUND FOR THIS CNNO NUMBER' });
    expect(trackingOutcome('X2', { statusFlag: false, errorDetails: 'no data' })).toMatchObject({
      kind: 'not_found',
      message: 'no data',
    });
    expect(trackingOutcome('X3', 'garbage')).toMatchObject({ kind: 'not_found' });
  });

  it('found keeps the header verbatim and takes the AWB from strShipmentNo', () => {
    const header = {
      strShipmentNo: 'B32242001',
      strStatus: 'Delivered',
      strRtoNumber: '',
      strRefNo: 'R1',
    };
    expect(
      trackingOutcome('R1', {
        statusFlag: true,
        trackHeader: header,
        trackDetails: [{ strCode: 'BKD' }],
      }),
    ).toMatchObject({
      awb: 'B32242001',
      kind: 'found',
      status: 'Delivered',
      rtoAwb: null,
      customerReference: 'R1',
      rawHeader: header,
      scans: [{ code: 'BKD', at: null }],
    });
  });
});
