import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger, type LightMyRequestResponse } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { createLogger } from '../logging/logger.js';
import { installProblemHandlers, problemContentType } from './problem.js';

const logLines: string[] = [];
const logger = createLogger({
  level: 'info',
  destination: new Writable({
    write(chunk: Buffer, _encoding, callback) {
      logLines.push(chunk.toString('utf8'));
      callback();
    },
  }),
});

const app = Fastify({
  loggerInstance: logger as FastifyBaseLogger,
  bodyLimit: 1024,
}).withTypeProvider<ZodTypeProvider>();

beforeAll(async () => {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installProblemHandlers(app);
  app.post('/orders/:id/cancel', async () => {
    throw new AppError('CONFLICT', { detail: 'The order has already shipped.' });
  });
  app.get('/quotes', async () => {
    throw new AppError('RATE_LIMITED', {
      extensions: { retryAfterSeconds: 30, status: 200, code: 'OK' },
    });
  });
  app.post(
    '/parts',
    { schema: { body: z.object({ field: z.string().min(3), quantity: z.number().int() }) } },
    async (request) => request.body,
  );
  app.get('/stock/recount', async () => {
    throw new Error('boom');
  });
  // A framework refusal our map does not name (Fastify adds codes over time).
  app.get('/framework/refusal', async () => {
    throw Object.assign(new Error("Method 'QUERY' must provide a 'Content-Type' header."), {
      code: 'FST_ERR_SOMETHING_NEW',
      statusCode: 400,
    });
  });
  await app.ready();
});

afterAll(() => app.close());

function problemOf(response: LightMyRequestResponse): Record<string, unknown> {
  expect(response.headers['content-type']).toContain(problemContentType);
  const body = response.json<Record<string, unknown>>();
  expect(body.status).toBe(response.statusCode);
  expect(body.requestId).toEqual(expect.any(String));
  return body;
}

const postJson = (url: string, payload: string, contentType = 'application/json') =>
  app.inject({ method: 'POST', url, payload, headers: { 'content-type': contentType } });

describe('installProblemHandlers', () => {
  it('turns an AppError into its catalogued status with a full problem document', async () => {
    const response = await postJson('/orders/ord_1/cancel?reason=late', '{}');
    expect(response.statusCode).toBe(409);
    expect(problemOf(response)).toEqual({
      type: 'https://spareflow.in/problems/conflict',
      title: 'Conflict',
      status: 409,
      detail: 'The order has already shipped.',
      code: 'CONFLICT',
      requestId: expect.any(String),
      instance: '/orders/ord_1/cancel',
    });
  });

  it('adds extensions without letting them override the standard members', async () => {
    const response = await app.inject({ method: 'GET', url: '/quotes' });
    expect(response.statusCode).toBe(429);
    expect(problemOf(response)).toMatchObject({
      status: 429,
      code: 'RATE_LIMITED',
      title: 'Too many requests',
      retryAfterSeconds: 30,
    });
  });

  it('lists each field of a failed zod body validation', async () => {
    const response = await postJson('/parts', JSON.stringify({ field: 'ab', quantity: 'many' }));
    expect(response.statusCode).toBe(400);
    const problem = problemOf(response);
    expect(problem).toMatchObject({ code: 'VALIDATION_FAILED', title: 'Validation failed' });
    const errors = problem.errors as Array<{ path: string; message: string }>;
    expect(errors.map((error) => error.path).sort()).toEqual(['body.field', 'body.quantity']);
    expect(errors.every((error) => error.message.length > 0)).toBe(true);
  });

  it('still serves a valid body', async () => {
    const response = await postJson('/parts', JSON.stringify({ field: 'abc', quantity: 2 }));
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ field: 'abc', quantity: 2 });
  });

  it.each(['{"field": ', '', 'null garbage'])(
    'answers the malformed JSON body %j with MALFORMED_JSON',
    async (payload) => {
      const response = await postJson('/parts', payload);
      expect(response.statusCode).toBe(400);
      expect(problemOf(response)).toMatchObject({ code: 'MALFORMED_JSON' });
    },
  );

  it('hides an unexpected error behind INTERNAL_ERROR and logs it instead', async () => {
    const response = await app.inject({ method: 'GET', url: '/stock/recount' });
    expect(response.statusCode).toBe(500);
    const problem = problemOf(response);
    expect(problem).toMatchObject({ code: 'INTERNAL_ERROR', title: 'Internal server error' });
    expect(problem.detail).toBeUndefined();
    expect(response.body).not.toContain('boom');
    expect(response.body).not.toMatch(/\bat .*\.(ts|js):\d+/);
    const logged = logLines.find((line) => line.includes('"request failed"'));
    expect(logged).toContain('boom');
    expect(logged).toContain(String(problem.requestId));
  });

  it('keeps an unmapped framework 4xx a 4xx, logged below error level', async () => {
    logLines.length = 0;
    const response = await app.inject({ method: 'GET', url: '/framework/refusal' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'VALIDATION_FAILED', status: 400 });
    expect(logLines.join('')).not.toContain('"level":"error"');
  });

  it('answers an unknown route with NOT_FOUND', async () => {
    const response = await app.inject({ method: 'GET', url: '/nowhere?x=1' });
    expect(response.statusCode).toBe(404);
    expect(problemOf(response)).toMatchObject({
      code: 'NOT_FOUND',
      detail: 'No route for GET /nowhere.',
      instance: '/nowhere',
    });
  });

  it('answers a body over the limit with PAYLOAD_TOO_LARGE', async () => {
    const payload = JSON.stringify({ field: 'x'.repeat(2048), quantity: 1 });
    const response = await postJson('/parts', payload);
    expect(response.statusCode).toBe(413);
    expect(problemOf(response)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('answers an unsupported content type with UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await postJson('/parts', '<part/>', 'application/xml');
    expect(response.statusCode).toBe(415);
    expect(problemOf(response)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
  });

  it('gives every response its own request id', async () => {
    const [first, second] = await Promise.all([
      app.inject({ method: 'GET', url: '/nowhere' }),
      app.inject({ method: 'GET', url: '/nowhere' }),
    ]);
    expect(first.json<{ requestId: string }>().requestId).not.toBe(
      second.json<{ requestId: string }>().requestId,
    );
  });
});
