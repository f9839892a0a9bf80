import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { webAppContentSecurityPolicy } from '../../src/platform/http/web-app.js';
import { useTestApp } from '../support/test-app.js';

// A stand-in for Vite's output: an index.html and one content-hashed asset.
const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'spareflow-web-'));
const indexHtml =
  '<!doctype html><html><head><script type="module" src="/assets/x.js"></script></head><body><div id="root"></div></body></html>\n';
fs.mkdirSync(path.join(webDir, 'assets'));
fs.writeFileSync(path.join(webDir, 'index.html'), indexHtml);
fs.writeFileSync(path.join(webDir, 'assets', 'x.js'), 'console.log("spa");\n');
fs.writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>\n');
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
