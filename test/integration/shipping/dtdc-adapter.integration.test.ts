import client from 'prom-client';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Consignment } from '../../../src/modules/shipping/carrier.port.js';
import { DtdcAdapter } from '../../../src/modules/shipping/dtdc/dtdc.adapter.js';
import { dtdcSimulator } from '../../../src/modules/shipping/dtdc-simulator/dtdc-simulator.js';
import { createLogger } from '../../../src/platform/logging/logger.js';
import { CircuitBreaker } from '../../../src/platform/outbound-http/circuit-breaker.js';
import { OutboundHttpClient } from '../../../src/platform/outbound-http/outbound-http-client.js';
import { OutboundHttpMetrics } from '../../../src/platform/outbound-http/outbound-http-metrics.js';
import { SandboxHost } from '../../../src/platform/sandbox/sandbox-host.js';
import { useTestDatabase } from '../../support/test-database.js';

const database = useTestDatabase();
const logger = createLogger({ level: 'silent' });
const secrets = {
  apiKey: 'dtdc-api-key-for-tests',
  customerCode: 'GLTEST',
  trackingUsername: 'tracker',
  trackingPassword: 'tracking-password',
};
const metrics = new OutboundHttpMetrics(new client.Registry());
const clients: OutboundHttpClient[] = [];
let hosts: SandboxHost[] = [];
let baseUrl: string;
let secondBaseUrl: string;

function http(url: string, timeoutMs = 5_000) {
  const c = new OutboundHttpClient({
    vendor: 'dtdc',
    baseUrl: url,
    allowLoopback: true,
    timeoutMs,
    retry: { retries: 1, baseDelayMs: 5, maxDelayMs: 10 },
    metrics,
  });
  clients.push(c);
  return c;
}

function adapter(
  options: {
    api?: string[];
    timeoutMs?: number;
    breaker?: CircuitBreaker;
    tracking?: { username: string; password: string } | { accessToken: string };
    url?: string;
    apiKey?: string;
  } = {},
) {
  const url = options.url ?? baseUrl;
  const api = (options.api ?? [url]).map((u) => http(u, options.timeoutMs));
  return new DtdcAdapter({
    api,
    label: api,
    tracking: http(`${url}/dtdc-api`, options.timeoutMs),
    pincode: { client: http(url), path: '/ratecalapi/PincodeApiCall' },
    apiKey: options.apiKey ?? secrets.apiKey,
    account: { customerCode: secrets.customerCode, serviceType: 'B2C PRIORITY', commodityId: '99' },
    trackingAuth: options.tracking ?? {
      username: secrets.trackingUsername,
      password: secrets.trackingPassword,
    },
    breaker: options.breaker ?? new CircuitBreaker(),
  });
}

async function control(path: string, body?: unknown, method = 'POST', url = baseUrl) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'api-key': secrets.apiKey },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}
const fault = (endpoint: string, kind: string, extra: Record<string, unknown> = {}) =>
  control('/_sandbox/faults', { endpoint, fault: kind, ...extra });
const received = async (endpoint: string, limit = 1) =>
  (await control(`/_sandbox/requests?endpoint=${endpoint}&limit=${limit}`, undefined, 'GET')).json
    .requests as { id: number; body: Record<string, unknown> }[];

const pune = {
  name: 'Warehouse Pune',
  phone: '9800000001',
  addressLine1: 'Plot 7, MIDC',
  pincode: '411019',
  city: 'Pune',
  state: 'Maharashtra',
};
const delhi = {
  name: 'Sharma Auto Parts',
  phone: '9800000002',
  addressLine1: 'Shop 12, Karol Bagh',
  addressLine2: 'Near metro',
  email: 'sharma@example.com',
  pincode: '110005',
  city: 'New Delhi',
  state: 'Delhi',
};
let counter = 0;
const consignment = (overrides: Partial<Consignment> = {}): Consignment => ({
  kind: 'forward',
  customerReference: `SHP-${Date.now()}-${++counter}`,
  description: 'Brake pads',
  declaredValuePaise: 245_000,
  codAmountPaise: 0,
  origin: pune,
  destination: delhi,
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

async function bookOne(c: Consignment = consignment()) {
  const result = await adapter().book([c]);
  if (result.kind !== 'answered' || result.outcomes[0]?.kind !== 'booked')
    throw new Error(`not booked: ${JSON.stringify(result)}`);
  return result.outcomes[0];
}

beforeAll(async () => {
  const simulator = () => dtdcSimulator({ pool: database().pool, ...secrets, logger });
  // Two simulator instances on one database: as two processes of one installation.
  hosts = [
    await SandboxHost.start([simulator()], logger),
    await SandboxHost.start([simulator()], logger),
  ];
  baseUrl = hosts[0]!.baseUrl('dtdc');
  secondBaseUrl = hosts[1]!.baseUrl('dtdc');
});
beforeEach(async () => {
  await control('/_sandbox/faults', undefined, 'DELETE');
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await Promise.all(hosts.map((h) => h.stop()));
});

describe('DTDC adapter against the simulator: booking', () => {
  it('books a 3-box multi-piece consignment; the softdata body arrives field by field', async () => {
    const c = consignment({
      codAmountPaise: 50_050,
      returnAddress: pune,
      invoiceNumber: 'INV-1',
      pieces: [1, 2, 3].map((n) => ({
        description: `box ${n}`,
        declaredValuePaise: 100_000 + n,
        weightGrams: 1000 * n + 5,
        lengthCm: 10 * n,
        widthCm: 20,
        heightCm: 30,
      })),
    });
    const booked = await bookOne(c);
    expect(booked.awb).toMatch(/^7X\d{9}$/);
    expect(booked.pieceAwbs).toEqual([1, 2, 3].map((n) => `${booked.awb}00${n}`));
    // max(dead 6.015 kg, volumetric (10+20+30)·600/5000 = 7.2 kg)
    expect(booked.chargeableWeightGrams).toBe(7200);
    const [request] = await received('softdata');
    const body = request!.body;
    expect(Object.keys(body)).toEqual(['consignments']);
    const sent = (body.consignments as Record<string, unknown>[])[0]!;
    expect(sent).toEqual({
      customer_code: 'GLTEST',
      service_type_id: 'B2C PRIORITY',
      load_type: 'NON-DOCUMENT',
      description: 'Brake pads',
      dimension_unit: 'cm',
      length: '30',
      width: '20',
      height: '30',
      weight_unit: 'kg',
      weight: '6.015',
      declared_value: '2450',
      num_pieces: '3',
      origin_details: {
        name: 'Warehouse Pune',
        phone: '9800000001',
        address_line_1: 'Plot 7, MIDC',
        address_line_2: '',
        email: '',
        pincode: '411019',
        city: 'Pune',
        state: 'Maharashtra',
      },
      destination_details: {
        name: 'Sharma Auto Parts',
        phone: '9800000002',
        address_line_1: 'Shop 12, Karol Bagh',
        address_line_2: 'Near metro',
        email: 'sharma@example.com',
        pincode: '110005',
        city: 'New Delhi',
        state: 'Delhi',
      },
      return_details: {
        name: 'Warehouse Pune',
        phone: '9800000001',
        address_line_1: 'Plot 7, MIDC',
        address_line_2: '',
        email: '',
        pincode: '411019',
        city_name: 'Pune',
        state_name: 'Maharashtra',
      },
      customer_reference_number: c.customerReference,
      commodity_id: '99',
      is_risk_surcharge_applicable: false,
      cod_collection_mode: 'CASH',
      cod_amount: '500.50',
      reference_number: '',
      consignment_type: 'Forward',
      invoice_number: 'INV-1',
      pieces_detail: [1, 2, 3].map((n) => ({
        description: `box ${n}`,
        declared_value: `${1000}.0${n}`,
        weight: `${n}.005`,
        length: String(10 * n),
        width: '20',
        height: '30',
      })),
    });
  });

  it('books 20 consignments in one request with distinct AWBs, and refuses 21 before sending', async () => {
    const batch = Array.from({ length: 20 }, () => consignment());
    const result = await adapter().book(batch);
    expect(result.kind).toBe('answered');
    if (result.kind !== 'answered') return;
    expect(result.outcomes.map((o) => o.kind)).toEqual(Array(20).fill('booked'));
    expect(result.outcomes.map((o) => o.customerReference)).toEqual(
      batch.map((c) => c.customerReference),
    );
    const awbs = result.outcomes.map((o) => (o.kind === 'booked' ? o.awb : ''));
    expect(new Set(awbs).size).toBe(20);
    const before = (await received('softdata'))[0]!.id;
    const tooMany = await adapter().book([...batch, consignment()]);
    expect(tooMany).toMatchObject({ kind: 'not_sent', reason: 'invalid_request' });
    expect((await received('softdata'))[0]!.id).toBe(before);
  });

  it('answers a mixed batch per consignment: a bad one fails alone', async () => {
    const good = consignment();
    const result = await adapter().book([
      good,
      consignment({ serviceType: 'NO SUCH SERVICE' }),
      consignment({ serviceType: 'B2C PREMIUM' }),
      consignment({ declaredValuePaise: 0 }),
      consignment({ destination: { ...delhi, pincode: '000000' } }),
      consignment({ customerReference: good.customerReference }),
      consignment({
        kind: 'reverse',
        codAmountPaise: 100,
        destination: {
          ...delhi,
          pincode: '744101',
          city: 'Port Blair',
          state: 'Andaman and Nicobar Islands',
        },
      }),
    ]);
    expect(result.kind).toBe('answered');
    if (result.kind !== 'answered') return;
    expect(result.outcomes.map((o) => (o.kind === 'rejected' ? o.reason : o.kind))).toEqual([
      'booked',
      'SERVICE_TYPE_NOT_FOUND',
      'WRONG_INPUT',
      'Invalid Declared Price',
      'INVALID_PINCODE',
      'CUSTOMER_REFERENCE_NUMBER_ALREADY_EXISTS',
      'PINCODE_NOT_SERVICEABLE',
    ]);
    expect(result.outcomes[1]).toMatchObject({
      message: 'Service type not found',
      retryable: false,
    });
  });

  it('maps 401, 400, 5xx, a hang and success without an AWB; recovers the AWB by reference', async () => {
    expect(await adapter().book([consignment()])).toMatchObject({ kind: 'answered' });
    await fault('softdata', 'unauthorized');
    expect(await adapter().book([consignment()])).toMatchObject({
      kind: 'not_sent',
      reason: 'auth',
      retryable: false,
      message: 'WRONG_API_KEY: Wrong api key',
    });
    await fault('softdata', 'bad_request');
    expect(await adapter().book([consignment()])).toMatchObject({
      kind: 'not_sent',
      reason: 'invalid_request',
    });
    await fault('softdata', 'error_5xx');
    expect(await adapter().book([consignment()])).toMatchObject({
      kind: 'unknown',
      reason: 'server_error',
    });
    await fault('softdata', 'hang');
    expect(await adapter({ timeoutMs: 400 }).book([consignment()])).toMatchObject({
      kind: 'unknown',
      reason: 'timeout',
    });
    await fault('softdata', 'reject');
    const rejected = await adapter().book([consignment()]);
    expect(rejected).toMatchObject({
      kind: 'answered',
      outcomes: [{ kind: 'rejected', retryable: true }],
    });

    const lost = consignment();
    await fault('softdata', 'empty_reference');
    const result = await adapter().book([lost]);
    expect(result).toMatchObject({
      kind: 'answered',
      outcomes: [{ kind: 'unknown', message: 'success without an AWB' }],
    });
    const found = await adapter().findByReference(lost.customerReference);
    expect(found.kind).toBe('ok');
    if (found.kind !== 'ok') return;
    expect(found.value?.awb).toMatch(/^7X\d{9}$/);
    expect(await adapter().findByReference('never-booked')).toEqual({ kind: 'ok', value: null });
  });

  it('a wrong api key is an auth failure', async () => {
    const wrong = adapter({ apiKey: 'wrong-key' });
    expect(await wrong.book([consignment()])).toMatchObject({ kind: 'not_sent', reason: 'auth' });
  });

  it('fails over to the next URL when the primary refuses the connection', async () => {
    const closed = 'http://127.0.0.1:1';
    const result = await adapter({ api: [closed, baseUrl] }).book([consignment()]);
    expect(result).toMatchObject({ kind: 'answered', outcomes: [{ kind: 'booked' }] });
    expect(await adapter({ api: [closed] }).book([consignment()])).toMatchObject({
      kind: 'not_sent',
      reason: 'unreachable',
      retryable: true,
    });
  });

  it('never fails over after the request may have been received', async () => {
    await fault('softdata', 'hang');
    const before = (await received('softdata'))[0]!.id;
    const result = await adapter({ api: [baseUrl, secondBaseUrl], timeoutMs: 400 }).book([
      consignment(),
    ]);
    expect(result).toMatchObject({ kind: 'unknown', reason: 'timeout' });
    const after = await received('softdata', 5);
    expect(after.filter((r) => r.id > before)).toHaveLength(1);
  });

  it('opens the circuit after repeated 5xx: the next call is not sent at all', async () => {
    const breaker = new CircuitBreaker({ failureThreshold: 2, openMs: 60_000 });
    const carrier = adapter({ breaker });
    await fault('softdata', 'error_5xx', { times: 2 });
    expect(await carrier.book([consignment()])).toMatchObject({ kind: 'unknown' });
    expect(await carrier.book([consignment()])).toMatchObject({ kind: 'unknown' });
    const before = (await received('softdata'))[0]!.id;
    expect(await carrier.book([consignment()])).toMatchObject({
      kind: 'not_sent',
      reason: 'unreachable',
    });
    expect((await received('softdata'))[0]!.id).toBe(before);
  });

  it('a second simulator instance sees the same consignments', async () => {
    const booked = await bookOne();
    const other = adapter({ url: secondBaseUrl });
    const tracked = await other.track([booked.awb]);
    expect(tracked).toMatchObject({ kind: 'ok', value: [{ kind: 'found', awb: booked.awb }] });
    const label = await other.label(booked.awb, { format: 'pdf', size: '4x6' });
    expect(
      label.kind === 'ok' &&
        label.value.format === 'pdf' &&
        label.value.pdf.subarray(0, 5).toString(),
    ).toBe('%PDF-');
  });
});

describe('DTDC adapter against the simulator: labels, cancel, serviceability', () => {
  it('fetches a label as PDF bytes or base64, A4 or 4x6; an unknown AWB is invalid', async () => {
    const booked = await bookOne();
    const base64 = await adapter().label(booked.awb, { format: 'base64', size: 'A4' });
    expect(base64.kind).toBe('ok');
    if (base64.kind === 'ok' && base64.value.format === 'base64')
      expect(base64.value.base64.startsWith('JVBERi0')).toBe(true);
    const pdf = await adapter().label(booked.awb, { format: 'pdf', size: '4x6' });
    if (pdf.kind !== 'ok' || pdf.value.format !== 'pdf') throw new Error('no pdf');
    expect(pdf.value.pdf.toString('latin1')).toContain(booked.awb);
    expect(pdf.value.pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(await adapter().label('7X999999999', { format: 'pdf', size: '4x6' })).toMatchObject({
      kind: 'not_sent',
      reason: 'invalid_request',
    });
  });

  it('cancels before pickup only; a second cancel is refused', async () => {
    const early = await bookOne();
    const late = await bookOne();
    const result = await adapter().cancel([early.awb, 'NOPE']);
    expect(result).toEqual({
      kind: 'ok',
      value: [
        { awb: early.awb, kind: 'cancelled' },
        { awb: 'NOPE', kind: 'refused', message: 'Consignment not found' },
      ],
    });
    expect(await adapter().cancel([early.awb])).toMatchObject({
      value: [{ kind: 'refused', message: 'Consignment already cancelled' }],
    });
    await control('/_sandbox/clock', { advanceMinutes: 180 });
    expect(await adapter().cancel([late.awb])).toMatchObject({
      value: [{ kind: 'refused', message: 'Consignment already picked up' }],
    });
  });

  it('reads serviceability, COD and TAT from the pincode lookup', async () => {
    const lane = await adapter().serviceability('411019', '110005');
    expect(lane).toEqual({
      kind: 'ok',
      value: {
        serviceable: true,
        codAvailable: true,
        tatDaysByService: { 'B2C PRIORITY': 4, 'B2C SMART EXPRESS': 5, 'B2C GROUND ECONOMY': 6 },
        message: 'SUCCESS',
      },
    });
    // Islands: ground service only and no cash on delivery (the simulator's synthetic lane rule).
    expect(await adapter().serviceability('411019', '744101')).toMatchObject({
      value: {
        serviceable: true,
        codAvailable: false,
        tatDaysByService: { 'B2C GROUND ECONOMY': 9 },
      },
    });
    expect(await adapter().serviceability('411019', '999999')).toMatchObject({
      value: { serviceable: false, message: 'DESTPIN is not valid' },
    });
  });
});

describe('DTDC adapter against the simulator: tracking', () => {
  const advance = (minutes: number) => control('/_sandbox/clock', { advanceMinutes: minutes });
  const codes = async (awb: string) => {
    const result = await adapter().track([awb]);
    if (result.kind !== 'ok' || result.value[0]?.kind !== 'found') throw new Error('not found');
    return result.value[0];
  };

  it('tracks through DLV, an NDR and an RTO as the clock moves, scans verbatim', async () => {
    const deliver = await bookOne();
    const ndr = await bookOne();
    const rto = await bookOne();
    await control(`/_sandbox/consignments/${ndr.awb}/script`, { script: 'ndr' });
    await control(`/_sandbox/consignments/${rto.awb}/script`, { script: 'rto' });
    expect((await codes(deliver.awb)).scans.map((s) => s.code)).toEqual(['BKD']);
    await advance(1320);
    const delivered = await codes(deliver.awb);
    expect(delivered.scans.map((s) => s.code)).toEqual([
      'BKD',
      'OBMD',
      'OPMF',
      'CDOUT',
      'CDIN',
      'IPMF',
      'inscan',
      'OUTDLV',
      'DLV',
    ]);
    expect(delivered.status).toBe('Delivered');
    expect(delivered.scans[0]!.raw).toHaveProperty('sTrRemarks');
    expect(delivered.scans.every((s) => s.at instanceof Date)).toBe(true);
    const dlv = delivered.scans.at(-1)!.at!.getTime();
    const bkd = delivered.scans[0]!.at!.getTime();
    expect(dlv - bkd).toBe(1320 * 60_000);
    await advance(60);
    expect((await codes(ndr.awb)).scans.map((s) => s.code).slice(-2)).toEqual(['OUTDLV', 'NONDLV']);
    expect((await codes(ndr.awb)).status).toBe('Attempted');
    await advance(3000);
    expect((await codes(ndr.awb)).scans.map((s) => s.code).slice(-3)).toEqual([
      'NONDLV',
      'OUTDLV',
      'DLV',
    ]);
    const returned = await codes(rto.awb);
    expect(returned.scans.map((s) => s.code)).toContain('RTO');
    expect(returned.rtoAwb).toBe(`7R${rto.awb.slice(2)}`);
    expect(returned.status).toBe('RTO Delivered');
    expect(await adapter().track(['7X000000000'])).toEqual({
      kind: 'ok',
      value: [
        { awb: '7X000000000', kind: 'not_found', message: 'NO DATA FOUND FOR THIS CNNO NUMBER' },
      ],
    });
  });

  it('mints a token once, renews it once on 401 after expiry, and refuses bad credentials', async () => {
    await control('/_sandbox/settings', { name: 'token_ttl_ms', value: '60000' });
    const booked = await bookOne();
    const carrier = adapter();
    const before = (await received('authenticate'))[0]?.id ?? 0;
    expect(await carrier.track([booked.awb])).toMatchObject({ kind: 'ok' });
    expect(await carrier.track([booked.awb])).toMatchObject({ kind: 'ok' });
    expect((await received('authenticate', 10)).filter((r) => r.id > before)).toHaveLength(1);
    await advance(2);
    expect(await carrier.track([booked.awb])).toMatchObject({ kind: 'ok' });
    expect((await received('authenticate', 10)).filter((r) => r.id > before)).toHaveLength(2);
    await control('/_sandbox/settings', { name: 'token_ttl_ms', value: String(24 * 3600_000) });

    const wrong = adapter({ tracking: { username: 'tracker', password: 'wrong' } });
    expect(await wrong.track([booked.awb])).toMatchObject({ kind: 'not_sent', reason: 'auth' });
    const staleToken = adapter({ tracking: { accessToken: 'not-a-token' } });
    expect(await staleToken.track([booked.awb])).toMatchObject({
      kind: 'not_sent',
      reason: 'auth',
    });
  });
});

describe('the simulator refuses whole requests as DTDC does', () => {
  const softdata = (
    body: string,
    headers: Record<string, string> = { 'api-key': secrets.apiKey },
  ) =>
    fetch(`${baseUrl}/api/customer/integration/consignment/softdata`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as unknown }));

  it('answers 401 without or with a wrong key and 400 for bodies that are not a consignment list', async () => {
    expect(await softdata('{}', {})).toEqual({
      status: 401,
      json: { error: { message: 'API key should be present', reason: 'NO_API_KEY' } },
    });
    expect(await softdata('{}', { 'api-key': 'nope' })).toEqual({
      status: 401,
      json: { error: { message: 'Wrong api key', statusCode: 401, reason: 'WRONG_API_KEY' } },
    });
    expect((await softdata('not json')).status).toBe(400);
    expect((await softdata('{"consignments": {}}')).status).toBe(400);
    expect((await softdata('{"consignments": []}')).status).toBe(400);
    expect(await softdata(JSON.stringify({ consignments: Array(21).fill({}) }))).toMatchObject({
      status: 400,
      json: { error: { reason: 'MAX_MANIFEST_LIST_LENGTH_EXCEEDED' } },
    });
  });

  it('a slow answer within the timeout still books', async () => {
    await fault('softdata', 'slow', { delayMs: 300 });
    const started = Date.now();
    expect(await adapter({ timeoutMs: 3000 }).book([consignment()])).toMatchObject({
      kind: 'answered',
      outcomes: [{ kind: 'booked' }],
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
  });
});
