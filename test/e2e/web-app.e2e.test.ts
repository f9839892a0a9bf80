import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webAppContentSecurityPolicy } from '../../src/platform/http/web-app.js';
import { precompressDirectory } from '../../web/vite-precompress.js';
import { useTestApp } from '../support/test-app.js';

// A stand-in for Vite's output: an index.html and one content-hashed asset.
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-web-'));
const indexHtml =
  '<!doctype html><html><head><script type="module" src="/assets/x.js"></script></head><body><div id="root"></div></body></html>\n';
fs.mkdirSync(path.join(webDir, 'assets'));
fs.writeFileSync(path.join(webDir, 'index.html'), indexHtml);
fs.writeFileSync(path.join(webDir, 'assets', 'x.js'), 'console.log("spa");\n');
fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
// A bundle large enough to be worth compressing, precompressed as `npm run build` does.
const bundle = `export const parts = ${JSON.stringify(
  Array.from({ length: 400 }, (_, index) => ({ partNumber: `CMP-${index}`, name: 'Compressor' })),
)};\n`;
fs.writeFileSync(path.join(webDir, 'assets', 'bundle.js'), bundle);
fs.writeFileSync(path.join(webDir, 'assets', 'style.css'), `.row{color:#212529}\n`.repeat(200));
beforeAll(async () => {
  await precompressDirectory(webDir);
});
afterAll(() => fs.rmSync(webDir, { recursive: true, force: true }));

const testApp = useTestApp({}, { webAppDir: webDir });
const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const get = (url: string, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${testApp().url}${url}`, { method, headers });

function expectPage(response: Response) {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  expect(response.headers.get('content-security-policy')).toBe(webAppContentSecurityPolicy);
  expect(response.headers.get('cache-control')).toBe('no-cache');
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  // Part of helmet's page set, absent from JSON responses.
  expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  // The payment window (sandbox checkout page, Razorpay's UPI and bank windows) keeps its opener.
  expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
}

describe('the web app, served from its build', () => {
  it('serves index.html at / with the web CSP and no-cache', async () => {
    const response = await get('/', html);
    expectPage(response);
    expect(await response.text()).toBe(indexHtml);
  });

  it('answers deep links from a browser with index.html (200), HEAD too', async () => {
    for (const url of [
      '/some/deep/link',
      '/accept-invitation?token=sft_x',
      '/network/invitations/accept',
    ]) {
      const response = await get(url, html);
      expectPage(response);
      expect(await response.text()).toBe(indexHtml);
    }
    const head = await get('/some/deep/link', html, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-security-policy')).toBe(webAppContentSecurityPolicy);
  });

  it('keeps problem+json 404s for the API, for non-HTML requests and for server paths', async () => {
    const cases: Array<[string, Record<string, string>]> = [
      ['/api/v1/nope', html],
      ['/api/v1/nope', {}],
      ['/some/deep/link', { accept: 'application/json' }],
      ['/health/nope', html],
      ['/docs/nope/nope', html],
      ['/assets/missing.js', html],
    ];
    for (const [url, headers] of cases) {
      const response = await get(url, headers);
      expect({ url, headers, status: response.status }).toEqual({ url, headers, status: 404 });
      expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await response.json()) as { code: string };
      expect(body.code).toBe('NOT_FOUND');
    }
    const post = await fetch(`${testApp().url}/some/deep/link`, { method: 'POST', headers: html });
    expect(post.status).toBe(404);
  });

  it('caches hashed assets for a year, immutable; other files revalidate', async () => {
    const asset = await get('/assets/x.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe('console.log("spa");\n');
    const icon = await get('/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('leaves the API and probes their own headers', async () => {
    const live = await get('/health/live', html);
    expect(live.status).toBe(200);
    expect(live.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    const info = await get('/api/v1/system/info', html);
    expect(info.status).toBe(200);
    expect(info.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'",
    );
    expect(info.headers.get('content-type')).toMatch(/^application\/json/);
  });
});

describe('without a build', () => {
  const missing = path.join(os.tmpdir(), 'spareflow-web-missing-build');
  const bare = useTestApp({}, { webAppDir: missing });

  it('answers / with a problem+json 404 that says how to build, and deep links 404 too', async () => {
    const root = await fetch(`${bare().url}/`, { headers: html });
    expect(root.status).toBe(404);
    expect(root.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const body = (await root.json()) as { code: string; detail: string };
    expect(body.code).toBe('NOT_FOUND');
    expect(body.detail).toMatch(/npm run build/);
    const deep = await fetch(`${bare().url}/some/deep/link`, { headers: html });
    expect(deep.status).toBe(404);
  });
});

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET that shows the bytes as sent (fetch would ask for and undo compression by itself). */
function rawGet(url: string, headers: Record<string, string>): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      })
      .on('error', reject);
  });
}

const varies = (answer: RawAnswer) =>
  String(answer.headers.vary ?? '')
    .toLowerCase()
    .split(/\s*,\s*/)
    .includes('accept-encoding');

describe('compressed static files', () => {
  it('the build step wrote brotli and gzip copies of the larger text files, not of the tiny ones', () => {
    expect(fs.existsSync(path.join(webDir, 'assets', 'bundle.js.br'))).toBe(true);
    expect(fs.existsSync(path.join(webDir, 'assets', 'bundle.js.gz'))).toBe(true);
    expect(fs.existsSync(path.join(webDir, 'assets', 'style.css.br'))).toBe(true);
    // 21 bytes: compressing would not pay.
    expect(fs.existsSync(path.join(webDir, 'assets', 'x.js.br'))).toBe(false);
  });

  it('sends brotli to a browser that accepts it, with the content type of the original', async () => {
    const answer = await rawGet(`${testApp().url}/assets/bundle.js`, {
      'accept-encoding': 'gzip, deflate, br, zstd',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(varies(answer)).toBe(true);
    expect(answer.body.length).toBeLessThan(bundle.length / 4);
    expect(zlib.brotliDecompressSync(answer.body).toString()).toBe(bundle);
  });

  it('sends gzip when brotli is not accepted (or refused with q=0)', async () => {
    for (const acceptEncoding of ['gzip, deflate', 'br;q=0, gzip']) {
      const answer = await rawGet(`${testApp().url}/assets/bundle.js`, {
        'accept-encoding': acceptEncoding,
      });
      expect({ acceptEncoding, encoding: answer.headers['content-encoding'] }).toEqual({
        acceptEncoding,
        encoding: 'gzip',
      });
      expect(varies(answer)).toBe(true);
      expect(zlib.gunzipSync(answer.body).toString()).toBe(bundle);
    }
    const css = await rawGet(`${testApp().url}/assets/style.css`, { 'accept-encoding': 'gzip' });
    expect(css.headers['content-encoding']).toBe('gzip');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('sends the file itself without Accept-Encoding, or with identity only, still varying on it', async () => {
    const identity: Record<string, string>[] = [{}, { 'accept-encoding': 'identity' }];
    for (const headers of identity) {
      const answer = await rawGet(`${testApp().url}/assets/bundle.js`, headers);
      expect(answer.status).toBe(200);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(varies(answer)).toBe(true);
      expect(answer.body.toString()).toBe(bundle);
    }
    // A file too small to have copies is sent as it is, whatever the browser accepts.
    const small = await rawGet(`${testApp().url}/assets/x.js`, { 'accept-encoding': 'br, gzip' });
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body.toString()).toBe('console.log("spa");\n');
  });

  it('the copies are no routes of their own', async () => {
    const answer = await rawGet(`${testApp().url}/assets/bundle.js.br`, {
      'accept-encoding': 'br',
    });
    expect(answer.status).toBe(404);
  });
});
