import { errorCatalog, errorCodes, type ErrorCode } from '../errors/error-codes.js';
import { ruleOf, type RoutePolicy } from './route-policy.js';

/** A request or response body that is not JSON (CSV files, images, metrics text). */
export interface RawMedia {
  /** The media types accepted (request) or sent (response), e.g. `['text/csv']`. */
  mediaTypes: readonly string[];
  /** `text`: a string (CSV, plain text); `binary`: bytes (images). */
  encoding: 'text' | 'binary';
}

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * The error codes this route answers beyond those that follow from what it is (see
     * `routeProblems`): its domain codes, e.g. `['INSUFFICIENT_STOCK', 'IDEMPOTENCY_KEY_REUSED']`.
     * Required on every `/api/` route (`[]` when there are none); a route without it fails start-up.
     */
    problems?: readonly ErrorCode[];
    /** The route reads a raw body (its own content-type parser), documented as its request body. */
    rawBody?: RawMedia;
    /** The route answers `status` with a raw body (a download), documented as that response. */
    rawResponse?: RawMedia & { status: number };
  }
}

/** What a route is, as far as the errors it can answer follow from it. */
export interface RouteFacts {
  method: string;
  url: string;
  /** `undefined` outside `/api/` (probes and metrics are public). */
  policy: RoutePolicy | undefined;
  /** It validates params, query string, headers or body against a schema. */
  validates: boolean;
  /** Its scope parses JSON bodies (the upload routes of CSV files do not). */
  parsesJson: boolean;
  /** The rate limiter runs on it (probes are exempt). */
  rateLimited: boolean;
  /** Its domain codes, from `config.problems`. */
  declared: readonly ErrorCode[];
}

/** Methods whose requests Fastify reads a body for (and so may refuse as too large or unparsable). */
const bodyMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether the policy refuses some caller that authenticates (a role, a type, an API key). */
function policyCanRefuse(policy: Extract<RoutePolicy, { access: 'authenticated' }>): boolean {
  const rule = ruleOf(policy);
  return rule.roles !== undefined || rule.organizationTypes !== undefined || rule.apiKey !== 'read';
}

/** The codes that follow from what the route is, whatever its handler does. */
export function automaticProblems(facts: Omit<RouteFacts, 'declared'>): ErrorCode[] {
  const codes: ErrorCode[] = [];
  const takesBody = bodyMethods.has(facts.method);
  if (facts.validates) codes.push('VALIDATION_FAILED');
  if (takesBody && facts.parsesJson) codes.push('MALFORMED_JSON');
  if (facts.policy?.access === 'authenticated') {
    codes.push('UNAUTHENTICATED');
    if (policyCanRefuse(facts.policy)) codes.push('FORBIDDEN');
  }
  // A path parameter names something that may not exist (or belong to another organization).
  if (facts.url.includes(':')) codes.push('NOT_FOUND');
  if (takesBody) codes.push('PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE');
  if (facts.rateLimited) codes.push('RATE_LIMITED');
  return codes;
}

/**
 * Every 4xx a route can answer, by status, each with its possible codes in catalogue order:
 * the automatic ones and the route's declared domain codes. Throws for a declared code that is
 * not a 4xx (5xx are never part of an operation's contract) or is listed twice.
 */
export function routeProblems(facts: RouteFacts): Map<number, ErrorCode[]> {
  const where = `${facts.method} ${facts.url}`;
  const seen = new Set<ErrorCode>();
  for (const code of facts.declared) {
    const status = errorCatalog[code].status;
    if (status < 400 || status > 499)
      throw new Error(`route ${where} declares ${code} (${status}): only 4xx codes are problems`);
    if (seen.has(code)) throw new Error(`route ${where} declares ${code} twice`);
    seen.add(code);
  }
  const codes = new Set<ErrorCode>([...automaticProblems(facts), ...facts.declared]);
  const byStatus = new Map<number, ErrorCode[]>();
  for (const code of errorCodes) {
    if (!codes.has(code)) continue;
    const status = errorCatalog[code].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
}
