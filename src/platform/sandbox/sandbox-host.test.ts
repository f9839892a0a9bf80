import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger.js';
import { SandboxHost } from './sandbox-host.js';
import type { VendorSimulator } from './vendor-simulator.js';

/** A fake vendor: echoes what it receives, and has one endpoint that is "down". */
function echoVendor(name = 'echo'): VendorSimulator {
  return {
    name,
    register(app) {
      app.post('/v1/echo', async (request) => ({ received: request.body }));
      app.post('/v1/unavailable', async (_request, reply) =>
        reply.status(503).send({ error: { code: 'SERVICE_DOWN', message: 'try later' } }),
      );
    },
  };
}

const logLines: Array<Record<string, unknown>> = [];
const logger = createLogger({
  level: 'info',
  destination: new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        logLines.push(JSON.parse(line) as Record<string, unknown>);
      callback();
    },
  }),
});

/** The base URLs the host announced in its log, in start order. */
const announcedUrls = () =>
  logLines.filter((line) => line.msg === 'sandbox simulator listening').map((l) => l.baseUrl);

const postJson = (url: string, body: unknown) =>
  fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

const started: SandboxHost[] = [];
afterEach(async () => {
  await Promise.all(started.splice(0).map((host) => host.stop()));
  logLines.length = 0;
});

async function start(simulators: VendorSimulator[]): Promise<SandboxHost> {
  const host = await SandboxHost.start(simulators, logger);
  started.push(host);
  return host;
}

describe('SandboxHost', () => {
  it('serves each simulator on its own loopback port', async () => {
    const host = await start([echoVendor('echo'), echoVendor('mirror')]);
    expect(host.names).toEqual(['echo', 'mirror']);
    const echoUrl = new URL(host.baseUrl('echo'));
    const mirrorUrl = new URL(host.baseUrl('mirror'));
    expect(echoUrl.protocol).toBe('http:');
    expect(echoUrl.hostname).toBe('127.0.0.1');
    expect(Number(echoUrl.port)).toBeGreaterThan(0);
    expect(mirrorUrl.port).not.toBe(echoUrl.port);
    expect(announcedUrls()).toEqual([host.baseUrl('echo'), host.baseUrl('mirror')]);
  });

  it('answers real HTTP requests like the vendor would', async () => {
    const host = await start([echoVendor()]);
    const order = { awb: 'D1234567', pieces: 2 };
    const echoed = await postJson(`${host.baseUrl('echo')}/v1/echo`, order);
    expect(echoed.status).toBe(200);
    expect(await echoed.json()).toEqual({ received: order });

    const down = await postJson(`${host.baseUrl('echo')}/v1/unavailable`, {});
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ error: { code: 'SERVICE_DOWN', message: 'try later' } });
  });

  it('throws for a simulator that is not running', async () => {
    const host = await start([echoVendor()]);
    expect(() => host.baseUrl('dtdc')).toThrow('no sandbox simulator named dtdc is running');
  });

  it('rejects two simulators with the same name and closes the one already started', async () => {
    await expect(SandboxHost.start([echoVendor(), echoVendor()], logger)).rejects.toThrow(
      'two sandbox simulators named echo',
    );
    const [firstUrl] = announcedUrls();
    expect(firstUrl).toEqual(expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/));
    await expect(postJson(`${String(firstUrl)}/v1/echo`, {})).rejects.toMatchObject({
      cause: { code: 'ECONNREFUSED' },
    });
  });

  it('closes every port on stop and forgets the simulators', async () => {
    const host = await start([echoVendor()]);
    const url = `${host.baseUrl('echo')}/v1/echo`;
    expect((await postJson(url, { ping: true })).status).toBe(200);
    await host.stop();
    expect(host.names).toEqual([]);
    expect(() => host.baseUrl('echo')).toThrow(/no sandbox simulator named echo/);
    await expect(postJson(url, { ping: true })).rejects.toMatchObject({
      cause: { code: 'ECONNREFUSED' },
    });
  });
});
