import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createLogger, prettyLogs } from './logger.js';

type LogLine = Record<string, unknown>;

/** A logger writing into memory, and the JSON lines it wrote so far. */
function memoryLogger() {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

function onlyLine(lines: LogLine[]): LogLine {
  expect(lines).toHaveLength(1);
  return lines[0] as LogLine;
}

describe('createLogger', () => {
  it('writes JSON lines with a label level, an ISO time and the service name', () => {
    const { logger, lines } = memoryLogger();
    logger.debug('not at info');
    logger.info({ orderId: 'ord_1' }, 'order created');
    const line = onlyLine(lines);
    expect(line).toMatchObject({ level: 'info', service: 'spareflow', msg: 'order created' });
    expect(line.orderId).toBe('ord_1');
    expect(new Date(String(line.time)).toISOString()).toBe(line.time);
  });

  it('redacts credential request headers and keeps the others', () => {
    const { logger, lines } = memoryLogger();
    logger.info({
      req: {
        headers: {
          authorization: 'Bearer eyJhbGciOi',
          cookie: 'session=abc',
          'x-api-key': 'sf_live_123',
          'x-csrf-token': 'c5rf',
          'user-agent': 'curl/8.0',
        },
      },
    });
    expect(onlyLine(lines).req).toEqual({
      headers: {
        authorization: '[REDACTED]',
        cookie: '[REDACTED]',
        'x-api-key': '[REDACTED]',
        'x-csrf-token': '[REDACTED]',
        'user-agent': 'curl/8.0',
      },
    });
  });

  it('redacts secret keys at the top level and up to four levels deep', () => {
    const { logger, lines } = memoryLogger();
    logger.info({
      password: 'hunter2',
      body: { token: 't1', refreshToken: 'r1', quantity: 3 },
      vendor: { dtdc: { apiKey: 'k1', region: 'north' } },
      a: { b: { c: { secret: 's1', keep: true } } },
    });
    const line = onlyLine(lines);
    expect(line.password).toBe('[REDACTED]');
    expect(line.body).toEqual({ token: '[REDACTED]', refreshToken: '[REDACTED]', quantity: 3 });
    expect(line.vendor).toEqual({ dtdc: { apiKey: '[REDACTED]', region: 'north' } });
    expect(line.a).toEqual({ b: { c: { secret: '[REDACTED]', keep: true } } });
    expect(JSON.stringify(line)).not.toMatch(/hunter2|"t1"|"r1"|"k1"|"s1"/);
  });

  it('redacts inside arrays', () => {
    const { logger, lines } = memoryLogger();
    logger.info({ users: [{ name: 'Priya', password: 'p1' }] });
    expect(onlyLine(lines).users).toEqual([{ name: 'Priya', password: '[REDACTED]' }]);
  });

  it('masks e-mail addresses and phone numbers instead of removing them', () => {
    const { logger, lines } = memoryLogger();
    logger.info({
      email: 'priya.sharma@example.com',
      customer: { phone: '+919876543210', city: 'Pune' },
      message: { to: '+919876543210', template: 'order_shipped' },
    });
    const line = onlyLine(lines);
    expect(line.email).toBe('p***@example.com');
    expect(line.customer).toEqual({ phone: '+91******3210', city: 'Pune' });
    expect(line.message).toEqual({ to: '+91******3210', template: 'order_shipped' });
  });

  it('keeps redacting in child loggers', () => {
    const { logger, lines } = memoryLogger();
    logger.child({ module: 'identity' }).info({ user: { email: 'a@b.in', password: 'x' } });
    const line = onlyLine(lines);
    expect(line.module).toBe('identity');
    expect(line.user).toEqual({ email: 'a***@b.in', password: '[REDACTED]' });
  });
});

describe("Fastify's request log", () => {
  it('redacts secrets and masks personal data in the logged query string', async () => {
    const { logger, lines } = memoryLogger();
    const app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
    app.get('/webhooks/whatsapp', async () => 'ok');
    const url =
      '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=VERIFY123&hub.challenge=42&email=priya%40example.com';
    const response = await app.inject({
      url,
      headers: { authorization: 'Bearer SECRET-JWT' },
    });
    await app.close();
    expect(response.statusCode).toBe(200);
    const incoming = lines.find((line) => line.msg === 'incoming request');
    expect(incoming?.req).toMatchObject({
      method: 'GET',
      url: '/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=[REDACTED]&hub.challenge=42&email=p***@example.com',
    });
    const everything = JSON.stringify(lines);
    expect(everything).not.toContain('VERIFY123');
    expect(everything).not.toContain('SECRET-JWT');
    expect(everything).not.toContain('priya');
  });
});

describe('readable or JSON lines', () => {
  it.each([
    { isTerminal: true, isProduction: false, pretty: true },
    { isTerminal: false, isProduction: false, pretty: false },
    { isTerminal: true, isProduction: true, pretty: false },
    { isTerminal: false, isProduction: true, pretty: false },
  ])(
    'terminal $isTerminal, production $isProduction: pretty $pretty',
    ({ isTerminal, isProduction, pretty }) => {
      expect(prettyLogs({ isTerminal, isProduction })).toBe(pretty);
    },
  );

  it('prints readable lines, as redacted and masked as the JSON ones', () => {
    let text = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        text += chunk.toString('utf8');
        callback();
      },
    });
    const logger = createLogger({ level: 'info', destination, pretty: true });
    logger.info({ user: { email: 'priya@example.com', password: 'hunter22' } }, 'signed in');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\] INFO: signed in\n/);
    expect(text).toContain('p***@example.com');
    expect(text).toContain('[REDACTED]');
    expect(text).not.toContain('hunter22');
    expect(text).not.toContain('priya@');
    // Not JSON: a person reads it; no colour codes outside a terminal.
    expect(() => JSON.parse(text) as unknown).toThrow();
    expect(text).not.toContain('\u001b[');
  });
});
