import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

// A stand-in for the built web app, so `/` is a page route.
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-web-'));
fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><div id="root"></div>\n');
afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));

const lines: Array<Record<string, unknown>> = [];
const destination = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
      lines.push(JSON.parse(line) as Record<string, unknown>);
    callback();
  },
});
const testApp = useTestApp(
  { LOG_LEVEL: 'info' },
  { webAppDir: webDir, logDestination: destination },
);

/** A raw request: fetch refuses methods such as QUERY's cousins, node:http sends them as given. */
function send(method: string, url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; allow?: string; type?: string; body: string }>(
    (resolve, reject) => {
      const request = http.request(
        `${testApp().url}${url}`,
        { method, headers, agent: false },
        (response) => {
          let body = '';
          response.setEncoding('utf8');
          response.on('data', (chunk: string) => (body += chunk));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              allow: response.headers.allow,
              type: response.headers['content-type'],
              body,
            }),
          );
        },
      );
      request.on('error', reject);
      request.end();
    },
  );
}

describe('HTTP methods no route serves', () => {
  it.each(['QUERY', 'PROPFIND'])(
    '%s on an API URL, a page URL and an unknown URL: 405 or 404 problem+json, never 500',
    async (method) => {
      const api = await send(method, '/api/v1/system/info');
      expect(api.status).toBe(405);
      expect(api.allow).toBe('GET, HEAD');
      expect(api.type).toContain('application/problem+json');
      expect(JSON.parse(api.body)).toMatchObject({ status: 405, code: 'METHOD_NOT_ALLOWED' });

      const page = await send(method, '/', { accept: 'text/html' });
      expect(page.status).toBe(405);
      expect(page.allow).toContain('GET');

      for (const url of ['/no/such/thing', '/api/v1/nothing-here?x=1']) {
        const unknown = await send(method, url, { 'content-type': 'application/json' });
        expect(unknown.status).toBe(404);
        expect(JSON.parse(unknown.body)).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      }
    },
  );

  it('logs none of them at error level', () => {
    expect(lines.some((line) => line.msg === 'request completed')).toBe(true);
    expect(lines.filter((line) => line.level === 'error')).toEqual([]);
  });
});
