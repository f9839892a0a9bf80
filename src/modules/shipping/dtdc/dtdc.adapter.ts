import type { CircuitBreaker } from '../../../platform/outbound-http/circuit-breaker.js';
import {
  OutboundHttpError,
  type OutboundHttpClient,
  type OutboundRequest,
  type OutboundResponse,
} from '../../../platform/outbound-http/outbound-http-client.js';
import {
  MAX_CONSIGNMENTS_PER_BOOKING,
  type BookingResult,
  type CancelOutcome,
  type CarrierFailure,
  type CarrierPort,
  type CarrierResult,
  type Consignment,
  type Label,
  type LabelOptions,
  type Serviceability,
  type TrackingOutcome,
} from '../carrier.port.js';
import {
  errorMessage,
  mapCancelResponse,
  mapPincodeResponse,
  mapSoftdataResponse,
  toRawScan,
  toSoftdataConsignment,
  type DtdcAccount,
} from './dtdc.rules.js';

/** Tracking credentials: a username/password to mint tokens, or a fixed access token. */
export type DtdcTrackingAuth =
  { readonly username: string; readonly password: string } | { readonly accessToken: string };

export interface DtdcAdapterOptions {
  /** Softdata: the primary API base first, then `DTDC_API_FALLBACK_URLS` in order. */
  readonly api: readonly OutboundHttpClient[];
  /** Label and cancel: `DTDC_LABEL_BASE_URL` (or the API bases) first, then fallbacks. */
  readonly label: readonly OutboundHttpClient[];
  /** The tracking host (`…/dtdc-api`). */
  readonly tracking: OutboundHttpClient;
  /** The pincode host and the path of the lookup below it. */
  readonly pincode: { readonly client: OutboundHttpClient; readonly path: string };
  readonly apiKey: string;
  readonly account: DtdcAccount;
  readonly trackingAuth: DtdcTrackingAuth;
  readonly breaker: CircuitBreaker;
}

/** Outbound failures that prove the request never reached the server: safe to fail over. */
const connectFailureCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
  'EFORBIDDENADDRESS',
]);

/** Whether an outbound failure happened while connecting (nothing was sent). */
export function isConnectFailure(error: OutboundHttpError): boolean {
  if (error.kind === 'refused') return true;
  for (let e: unknown = error.cause, depth = 0; e && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && connectFailureCodes.has(code)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

type Sent = { kind: 'answered'; response: OutboundResponse } | CarrierFailure;

const notSentUnreachable = (message: string): CarrierFailure => ({
  kind: 'not_sent',
  reason: 'unreachable',
  message,
  retryable: true,
});

/**
 * The carrier port on DTDC's three systems (`shared/reference/external-apis.md` §1): Shipsy's
 * softdata, label and cancel with the `api-key` header; blktracksvc tracking with a token minted
 * from username/password (cached in this process, minted again once on a 401) or a configured
 * access token; and the public pincode lookup. The same adapter talks to DTDC live and to the
 * sandbox simulator.
 *
 * Fail-over and breaking: each endpoint of each base URL has its own circuit. A URL whose
 * circuit is open, or whose connection could not be established, is skipped for the next one in
 * order; once a request may have been received (any answer, a timeout, a reset after connect)
 * no other URL is tried — a second softdata could book twice.
 */
export class DtdcAdapter implements CarrierPort {
  readonly carrier = 'dtdc';
  private token: string | null;

  constructor(private readonly options: DtdcAdapterOptions) {
    this.token = 'accessToken' in options.trackingAuth ? options.trackingAuth.accessToken : null;
  }

  async serviceability(from: string, to: string): Promise<CarrierResult<Serviceability>> {
    const { client, path } = this.options.pincode;
    const sent = await this.sendVia([client], {
      method: 'POST',
      path,
      endpoint: path,
      json: { orgPincode: from, desPincode: to },
      // A lookup: repeating it changes nothing.
      retrySafe: true,
    });
    if (sent.kind !== 'answered') return sent;
    const failure = this.statusFailure(sent.response);
    if (failure) return failure;
    return { kind: 'ok', value: mapPincodeResponse(sent.response.json) };
  }

  async book(consignments: readonly Consignment[]): Promise<BookingResult> {
    if (consignments.length === 0 || consignments.length > MAX_CONSIGNMENTS_PER_BOOKING)
      return {
        kind: 'not_sent',
        reason: 'invalid_request',
        message: `a booking holds 1 to ${MAX_CONSIGNMENTS_PER_BOOKING} consignments`,
        retryable: false,
      };
    const body = {
      consignments: consignments.map((c) => toSoftdataConsignment(c, this.options.account)),
    };
    const sent = await this.sendVia(this.options.api, {
      method: 'POST',
      path: '/api/customer/integration/consignment/softdata',
      endpoint: '/api/customer/integration/consignment/softdata',
      json: body,
      headers: { 'api-key': this.options.apiKey },
    });
    if (sent.kind !== 'answered') return sent;
    const failure = this.statusFailure(sent.response);
    if (failure) return failure;
    const outcomes = mapSoftdataResponse(
      sent.response.json,
      consignments.map((c) => c.customerReference),
    );
    if (!outcomes)
      return {
        kind: 'unknown',
        reason: 'bad_response',
        message: 'DTDC answered 2xx without status OK and a data array',
      };
    return { kind: 'answered', outcomes };
  }

  async findByReference(reference: string): Promise<CarrierResult<{ awb: string } | null>> {
    const result = await this.trackOne('reference', reference);
    if (result.kind !== 'ok') return result;
    const outcome = result.value;
    return { kind: 'ok', value: outcome.kind === 'found' ? { awb: outcome.awb } : null };
  }

  async label(awb: string, options: LabelOptions): Promise<CarrierResult<Label>> {
    // Always asked as base64: the outbound client reads bodies as text, which would corrupt raw
    // PDF bytes; the PDF is decoded here when the caller wants bytes.
    const sent = await this.sendVia(this.options.label, {
      method: 'GET',
      path: '/api/customer/integration/consignment/shippinglabel/stream',
      endpoint: '/api/customer/integration/consignment/shippinglabel/stream',
      query: {
        reference_number: awb,
        label_code: options.size === 'A4' ? 'SHIP_LABEL_A4' : 'SHIP_LABEL_4X6',
        label_format: 'base64',
      },
      headers: { 'api-key': this.options.apiKey },
    });
    if (sent.kind !== 'answered') return sent;
    const failure = this.statusFailure(sent.response);
    if (failure) return failure;
    const body = sent.response.json as { label?: unknown } | undefined;
    const base64 = typeof body?.label === 'string' ? body.label : '';
    const pdf = Buffer.from(base64, 'base64');
    if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-')))
      return { kind: 'unknown', reason: 'bad_response', message: 'DTDC label is not a PDF' };
    return {
      kind: 'ok',
      value:
        options.format === 'pdf' ? { format: 'pdf', awb, pdf } : { format: 'base64', awb, base64 },
    };
  }

  async cancel(awbs: readonly string[]): Promise<CarrierResult<CancelOutcome[]>> {
    const sent = await this.sendVia(this.options.label, {
      method: 'POST',
      path: '/api/customer/integration/consignment/cancel',
      endpoint: '/api/customer/integration/consignment/cancel',
      json: { AWBNo: awbs, customerCode: this.options.account.customerCode },
      headers: { 'api-key': this.options.apiKey },
    });
    if (sent.kind !== 'answered') return sent;
    const failure = this.statusFailure(sent.response);
    if (failure) return failure;
    return { kind: 'ok', value: mapCancelResponse(sent.response.json, awbs) };
  }

  async track(awbs: readonly string[]): Promise<CarrierResult<TrackingOutcome[]>> {
    const outcomes: TrackingOutcome[] = [];
    for (const awb of awbs) {
      const result = await this.trackOne('cnno', awb);
      if (result.kind !== 'ok') return result;
      outcomes.push(result.value);
    }
    return { kind: 'ok', value: outcomes };
  }

  private async trackOne(
    type: 'cnno' | 'reference',
    number: string,
  ): Promise<CarrierResult<TrackingOutcome>> {
    let renewed = false;
    for (;;) {
      const token = await this.trackingToken(renewed);
      if (token.kind !== 'ok') return token;
      const sent = await this.sendVia([this.options.tracking], {
        method: 'POST',
        path: '/rest/JSONCnTrk/getTrackDetails',
        endpoint: '/rest/JSONCnTrk/getTrackDetails',
        json: { trkType: type, strcnno: number, addtnlDtl: 'Y' },
        headers: { 'X-Access-Token': token.value },
        // Tracking reads: safe to repeat.
        retrySafe: true,
      });
      if (sent.kind !== 'answered') return sent;
      if (sent.response.status === 401 && !renewed && 'username' in this.options.trackingAuth) {
        this.token = null;
        renewed = true;
        continue;
      }
      const failure = this.statusFailure(sent.response);
      if (failure) return failure;
      return { kind: 'ok', value: trackingOutcome(number, sent.response.json) };
    }
  }

  /** The cached token, or a new one from username/password (`fresh` forces a new one). */
  private async trackingToken(fresh: boolean): Promise<CarrierResult<string>> {
    const auth = this.options.trackingAuth;
    if ('accessToken' in auth) return { kind: 'ok', value: auth.accessToken };
    if (this.token !== null && !fresh) return { kind: 'ok', value: this.token };
    const sent = await this.sendVia([this.options.tracking], {
      method: 'GET',
      path: '/api/dtdc/authenticate',
      endpoint: '/api/dtdc/authenticate',
      query: { username: auth.username, password: auth.password },
    });
    if (sent.kind !== 'answered') return sent;
    const failure = this.statusFailure(sent.response);
    if (failure) return failure;
    const json = sent.response.json as { token?: unknown } | undefined;
    const token = (typeof json?.token === 'string' ? json.token : sent.response.text).trim();
    if (token === '')
      return { kind: 'unknown', reason: 'bad_response', message: 'DTDC gave an empty token' };
    this.token = token;
    return { kind: 'ok', value: token };
  }

  /** Non-2xx answers as failures: 401 auth, 429 not sent, other 4xx invalid, 5xx unknown. */
  private statusFailure(response: OutboundResponse): CarrierFailure | null {
    const { status } = response;
    if (status >= 200 && status < 300) return null;
    const message = errorMessage(response.json, response.text.slice(0, 200) || `HTTP ${status}`);
    if (status >= 500) return { kind: 'unknown', reason: 'server_error', message };
    if (status === 401 || status === 403)
      return { kind: 'not_sent', reason: 'auth', message, retryable: false };
    if (status === 429) return notSentUnreachable(`DTDC throttled the call: ${message}`);
    return { kind: 'not_sent', reason: 'invalid_request', message, retryable: false };
  }

  /**
   * Sends through the first client whose circuit is closed and which accepts the connection.
   * Connect failures and open circuits move on to the next client; anything after a connection
   * (an answer, a timeout, a reset) stops here.
   */
  private async sendVia(
    clients: readonly OutboundHttpClient[],
    request: OutboundRequest,
  ): Promise<Sent> {
    const skipped: string[] = [];
    for (const [index, client] of clients.entries()) {
      const key = `${client.vendor}#${index} ${request.method} ${request.endpoint}`;
      if (!this.options.breaker.allow(key)) {
        skipped.push(`#${index} circuit open`);
        continue;
      }
      try {
        const response = await client.send(request);
        if (response.status >= 500) this.options.breaker.failed(key);
        else this.options.breaker.succeeded(key);
        return { kind: 'answered', response };
      } catch (error) {
        if (!(error instanceof OutboundHttpError)) throw error;
        this.options.breaker.failed(key);
        if (isConnectFailure(error)) {
          skipped.push(`#${index} ${error.kind}`);
          continue;
        }
        return {
          kind: 'unknown',
          reason: error.kind === 'timeout' ? 'timeout' : 'network',
          message: error.message,
        };
      }
    }
    return notSentUnreachable(`DTDC unreachable (${skipped.join(', ')})`);
  }
}

/** A tracking answer: found with the header and scans verbatim, or not found. */
export function trackingOutcome(number: string, body: unknown): TrackingOutcome {
  const root = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const header = (
    typeof root.trackHeader === 'object' && root.trackHeader !== null ? root.trackHeader : {}
  ) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  if (root.statusFlag !== true) {
    const details = root.errorDetails;
    const message = Array.isArray(details)
      ? details
          .map((d) => d as { name?: unknown; value?: unknown })
          .filter((d) => d.name === 'strError')
          .map((d) => str(d.value))
          .join('; ')
      : str(details);
    return { awb: number, kind: 'not_found', message: message || str(root.status) || 'FAILED' };
  }
  const details = Array.isArray(root.trackDetails) ? (root.trackDetails as unknown[]) : [];
  return {
    awb: str(header.strShipmentNo) || number,
    kind: 'found',
    status: str(header.strStatus),
    rtoAwb: str(header.strRtoNumber) || null,
    customerReference: str(header.strRefNo) || null,
    scans: details.map(toRawScan),
    rawHeader: header,
  };
}
