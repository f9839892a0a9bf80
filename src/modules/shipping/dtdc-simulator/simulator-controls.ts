import crypto from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { DtdcSimulatorStore } from './simulator-store.js';
import { scripts, type Script } from './simulator-timeline.js';

type Body = Record<string, unknown>;
const rec = (v: unknown): Body =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Body) : {};

export const faultKinds = [
  'unauthorized',
  'bad_request',
  'reject',
  'error_5xx',
  'slow',
  'hang',
  'reset',
  'empty_reference',
] as const;
const faultEndpoints = ['softdata', 'label', 'cancel', 'authenticate', 'track', 'pincode', 'any'];
const settings: Record<string, (v: string) => boolean> = {
  token_ttl_ms: (v) => /^\d{1,12}$/.test(v),
  duplicate_reference: (v) => v === 'reject' || v === 'original',
  second_cancel: (v) => v === 'fail' || v === 'noop',
  reject_non_ascii: (v) => v === 'true' || v === 'false',
};

/**
 * Test-only controls under `/_sandbox/`, behind the same `api-key` as the API:
 * - `POST /_sandbox/faults` `{endpoint, fault, times?, delayMs?}` — the next `times` calls of
 *   `endpoint` (or `any`) fail as asked; `DELETE /_sandbox/faults` clears them;
 * - `POST /_sandbox/clock` `{advanceMinutes}` — moves the simulator clock (timelines, tokens);
 * - `POST /_sandbox/consignments/:awb/script` `{script: deliver|ndr|rto}`;
 * - `POST /_sandbox/settings` `{name, value}` — token TTL, duplicate references, second cancel,
 *   non-ASCII rejection;
 * - `GET /_sandbox/requests?endpoint=softdata&limit=5` — the bodies received, newest first.
 */
export function registerDtdcControls(
  app: FastifyInstance,
  store: DtdcSimulatorStore,
  apiKey: string,
) {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/_sandbox/')) return;
    const given = Buffer.from(String(request.headers['api-key'] ?? ''));
    const expected = Buffer.from(apiKey);
    if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected))
      return reply
        .status(401)
        .send({ error: { message: 'Wrong api key', reason: 'WRONG_API_KEY' } });
  });

  app.post('/_sandbox/faults', async (request, reply) => {
    const body = rec(request.body);
    const endpoint = String(body.endpoint ?? 'any');
    const fault = String(body.fault ?? '');
    const times = Number(body.times ?? 1);
    const delayMs = Number(body.delayMs ?? 0);
    if (
      !faultEndpoints.includes(endpoint) ||
      !(faultKinds as readonly string[]).includes(fault) ||
      !Number.isInteger(times) ||
      times < 1 ||
      !Number.isInteger(delayMs) ||
      delayMs < 0 ||
      delayMs > 120_000
    )
      return reply.status(400).send({ error: { message: 'bad fault', reason: 'WRONG_INPUT' } });
    await store.addFault(endpoint, fault, delayMs, times);
    return { endpoint, fault, times, delayMs };
  });

  app.delete('/_sandbox/faults', async () => {
    await store.clearFaults();
    return { cleared: true };
  });

  app.post('/_sandbox/clock', async (request, reply) => {
    const minutes = Number(rec(request.body).advanceMinutes);
    if (!Number.isInteger(minutes) || minutes < 0)
      return reply.status(400).send({ error: { message: 'bad minutes', reason: 'WRONG_INPUT' } });
    return { now: new Date(await store.advanceClock(minutes * 60_000)).toISOString() };
  });

  app.post('/_sandbox/consignments/:awb/script', async (request, reply) => {
    const script = String(rec(request.body).script) as Script;
    if (!scripts.includes(script))
      return reply.status(400).send({ error: { message: 'bad script', reason: 'WRONG_INPUT' } });
    const awb = (request.params as { awb: string }).awb;
    if (!(await store.setScript(awb, script)))
      return reply.status(404).send({ error: { message: 'no such AWB', reason: 'NOT_FOUND' } });
    return { awb, script };
  });

  app.post('/_sandbox/settings', async (request, reply) => {
    const body = rec(request.body);
    const name = String(body.name);
    const value = String(body.value);
    if (!settings[name]?.(value))
      return reply.status(400).send({ error: { message: 'bad setting', reason: 'WRONG_INPUT' } });
    await store.setSetting(name, value);
    return { name, value };
  });

  app.get('/_sandbox/requests', async (request) => {
    const query = rec(request.query);
    const limit = Math.min(Math.max(Number(query.limit ?? 10) || 10, 1), 100);
    return { requests: await store.requests(String(query.endpoint ?? 'softdata'), limit) };
  });
}
