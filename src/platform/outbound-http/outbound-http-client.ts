import { isIP } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, request as undiciRequest, type Dispatcher } from 'undici';
import type { Logger } from '../logging/logger.js';
import { redactUrl } from '../logging/redaction.js';
import { guardedLookup, isForbiddenAddress, isLoopbackAddress } from './address-guard.js';
import type { OutboundHttpMetrics, OutboundOutcome } from './outbound-http-metrics.js';
import {
  backoffDelayMs,
  defaultRetryPolicy,
  isRetryableStatus,
  mayRetry,
  parseRetryAfter,
  type RetryPolicy,
} from './retry-policy.js';

export interface OutboundHttpClientOptions {
  /** Vendor label for metrics and logs (`razorpay`, `dtdc`). */
  readonly vendor: string;
  /** Every request goes to this origin; paths are relative to it. */
  readonly baseUrl: string;
  /** Time to establish TCP (+TLS); default 5 s. */
  readonly connectTimeoutMs?: number;
  /** Time for one whole attempt, response body included; default 15 s. */
  readonly timeoutMs?: number;
  readonly retry?: RetryPolicy;
  /** Headers on every request (e.g. `Authorization`); redacted in logs like any secret header. */
  readonly defaultHeaders?: Readonly<Record<string, string>>;
  /**
   * Set only for a sandbox simulator: the base URL may then be a loopback address. Private and
   * link-local networks stay refused either way.
   */
  readonly allowLoopback?: boolean;
  readonly metrics?: OutboundHttpMetrics;
  readonly logger?: Logger;
  /** Tests pin the jitter. */
  readonly random?: () => number;
}

export interface OutboundRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the base URL, with concrete ids (`/v1/orders/order_X`). */
  readonly path: string;
  /** The endpoint as a template (`/v1/orders/:id`): the metrics label. */
  readonly endpoint: string;
  readonly query?: Readonly<Record<string, string | number | undefined>>;
  /** A JSON body, serialized once (a retry sends the same bytes). */
  readonly json?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** A POST/PATCH carries a vendor-honoured idempotency key: retrying it cannot double it. */
  readonly retrySafe?: boolean;
  /** Overrides the client's total timeout for this call. */
  readonly timeoutMs?: number;
}

export interface OutboundResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  /** The body parsed as JSON, or `undefined` when it is not JSON. */
  readonly json: unknown;
  readonly attempts: number;
}

/** Why a call produced no HTTP answer at all (after its retries). */
export type OutboundFailureKind = 'timeout' | 'network' | 'refused';

export class OutboundHttpError extends Error {
  constructor(
    readonly kind: OutboundFailureKind,
    readonly vendor: string,
    readonly endpoint: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`${vendor} ${endpoint}: ${kind} after ${attempts} attempt(s)`, options);
    this.name = 'OutboundHttpError';
  }
}

const secretHeader = /authorization|cookie|secret|signature|token|api-?key|password/i;

/** Header values that are credentials or signatures become `[REDACTED]`; the rest is kept. */
export function redactHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string | string[] | undefined> {
  const copy: Record<string, string | string[] | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    copy[name] = secretHeader.test(name) ? '[REDACTED]' : value;
  return copy;
}

/** The host without the brackets of an IPv6 literal. */
const ipLiteral = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/**
 * SpareFlow's one client for vendor APIs (Razorpay, DTDC, …), on undici. Every attempt has a
 * connect and a total timeout; 429, 5xx, network errors and timeouts are retried with
 * exponential backoff and jitter — for idempotent methods, and for a POST only when the caller
 * marks it safe; every attempt is counted and timed per vendor and endpoint template; logs never
 * carry credentials or signatures; and a connection to a private, loopback or link-local address
 * is refused (SSRF guard) unless the client serves a sandbox simulator on loopback. Vendor
 * neutral: adapters map status codes and bodies to their own errors.
 */
export class OutboundHttpClient {
  private readonly origin: URL;
  private readonly dispatcher: Dispatcher;
  private readonly timeoutMs: number;
  private readonly retry: RetryPolicy;
  private readonly random: () => number;

  constructor(private readonly options: OutboundHttpClientOptions) {
    const origin = new URL(options.baseUrl);
    if (origin.protocol !== 'https:' && origin.protocol !== 'http:')
      throw new Error(`${options.vendor}: only http and https base URLs are allowed`);
    const host = ipLiteral(origin.hostname);
    const allowLoopback = options.allowLoopback ?? false;
    // An IP literal is judged now; host names on every connection (guardedLookup), so a DNS
    // answer that changes between calls is judged too.
    if (isIP(host) !== 0 && isForbiddenAddress(host) && !(allowLoopback && isLoopbackAddress(host)))
      throw new Error(
        `${options.vendor}: base URL ${origin.host} is a private or reserved address`,
      );
    this.origin = origin;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retry = options.retry ?? defaultRetryPolicy;
    this.random = options.random ?? Math.random;
    this.dispatcher = new Agent({
      connect: {
        timeout: options.connectTimeoutMs ?? 5_000,
        lookup: guardedLookup(allowLoopback) as never,
      },
      // Redirects are not followed (undici's default): a vendor API answers, it does not move.
      keepAliveTimeout: 10_000,
    });
  }

  get vendor(): string {
    return this.options.vendor;
  }

  /** Sends the request, retrying as the policy allows; an HTTP answer of any status resolves. */
  async send(request: OutboundRequest): Promise<OutboundResponse> {
    const { vendor } = this.options;
    const endpoint = `${request.method} ${request.endpoint}`;
    const retryable = mayRetry(request.method, request.retrySafe ?? false);
    const url = this.urlFor(request);
    const body = request.json === undefined ? undefined : JSON.stringify(request.json);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...this.options.defaultHeaders,
      ...request.headers,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    };
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) this.options.metrics?.retried(vendor, endpoint);
      const started = performance.now();
      const outcome = await this.attempt(url, request, headers, body);
      const seconds = (performance.now() - started) / 1000;
      this.options.metrics?.record(vendor, endpoint, outcome.outcome, seconds);
      const logFields = {
        vendor,
        endpoint,
        url: redactUrl(url.pathname + url.search),
        attempt,
        outcome: outcome.outcome,
        ms: Math.round(seconds * 1000),
        ...('status' in outcome ? { status: outcome.status } : {}),
      };
      const canRetry = retryable && attempt < this.retry.retries && outcome.outcome !== 'refused';
      if ('status' in outcome) {
        const retryHere = canRetry && isRetryableStatus(outcome.status);
        this.options.logger?.[outcome.status >= 500 ? 'warn' : 'debug'](
          { ...logFields, headers: redactHeaders(headers), willRetry: retryHere },
          'outbound call answered',
        );
        if (!retryHere) return { ...outcome, attempts: attempt + 1 };
        await sleep(this.delay(attempt, parseRetryAfter(outcome.headers['retry-after'])));
        continue;
      }
      this.options.logger?.warn(
        { ...logFields, headers: redactHeaders(headers), willRetry: canRetry, err: outcome.cause },
        'outbound call failed',
      );
      if (!canRetry)
        throw new OutboundHttpError(outcome.kind, vendor, endpoint, attempt + 1, {
          cause: outcome.cause,
        });
      await sleep(this.delay(attempt));
    }
  }

  async close(): Promise<void> {
    await this.dispatcher.close();
  }

  private delay(attempt: number, retryAfterSeconds?: number): number {
    return backoffDelayMs(this.retry, attempt, this.random, retryAfterSeconds);
  }

  private urlFor(request: OutboundRequest): URL {
    if (!request.path.startsWith('/') || request.path.startsWith('//'))
      throw new Error(`${this.options.vendor}: path must be absolute below the base URL`);
    const url = new URL(this.origin.pathname.replace(/\/$/, '') + request.path, this.origin);
    if (url.origin !== this.origin.origin) throw new Error('outbound path left the base URL');
    for (const [key, value] of Object.entries(request.query ?? {}))
      if (value !== undefined) url.searchParams.set(key, String(value));
    return url;
  }

  private async attempt(
    url: URL,
    request: OutboundRequest,
    headers: Record<string, string>,
    body: string | undefined,
  ): Promise<
    | {
        outcome: OutboundOutcome;
        status: number;
        headers: Record<string, string | string[] | undefined>;
        text: string;
        json: unknown;
      }
    | { outcome: OutboundOutcome; kind: OutboundFailureKind; cause: unknown }
  > {
    const signal = AbortSignal.timeout(request.timeoutMs ?? this.timeoutMs);
    try {
      const response = await undiciRequest(url, {
        method: request.method,
        headers,
        ...(body === undefined ? {} : { body }),
        signal,
        dispatcher: this.dispatcher,
      });
      const text = await response.body.text();
      const status = response.statusCode;
      const outcome: OutboundOutcome =
        status >= 500 ? 'server_error' : status >= 400 ? 'client_error' : 'success';
      return { outcome, status, headers: response.headers, text, json: parseJson(text) };
    } catch (error) {
      const kind = failureKind(error, signal);
      const outcome: OutboundOutcome =
        kind === 'timeout' ? 'timeout' : kind === 'refused' ? 'refused' : 'network_error';
      return { outcome, kind, cause: error };
    }
  }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function failureKind(error: unknown, signal: AbortSignal): OutboundFailureKind {
  if (signal.aborted) return 'timeout';
  const chain: unknown[] = [];
  for (let e: unknown = error; e && chain.length < 5; e = (e as { cause?: unknown }).cause)
    chain.push(e);
  const codes = chain.map((e) => (e as { code?: unknown }).code);
  if (codes.includes('EFORBIDDENADDRESS')) return 'refused';
  if (codes.includes('UND_ERR_CONNECT_TIMEOUT') || codes.includes('UND_ERR_HEADERS_TIMEOUT'))
    return 'timeout';
  return 'network';
}
