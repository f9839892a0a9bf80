#!/usr/bin/env node
// bench/web: the bytes a first visit to the web app transfers, as Chromium (Debian's, through
// playwright-core) reports them from its network events. Starts the built server (run after
// `npm run build`) on a fresh database and, each in a fresh browser context (empty cache):
//   1. login      — /login until the sign-in form is drawn and the network is idle;
//   2. dashboard  — the same visit continued: sign in, the dashboard drawn, network idle
//                   (cumulative: what a new user's browser has fetched by then);
//   3. + chart    — the same for a brand with one partner, whose dashboard draws a chart.
// Transferred = the encoded response body (what crossed the wire, compressed or not) plus the
// response headers; decoded = the body after decompression. Per resource type: JS, CSS, HTML, API.
// Usage: npm run bench:web [-- --json]
import crypto from 'node:crypto';
import { chromium } from 'playwright-core';
import { benchPassword, callJson, registerOwner } from '../lib/api.mjs';
import { createBenchDatabase } from '../lib/database.mjs';
import { startSpareflow, stop } from '../lib/processes.mjs';

const asJson = process.argv.includes('--json');
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-dev-shm-usage'];

/** Resource type → column of the table. */
const columnOf = (type) =>
  type === 'script'
    ? 'js'
    : type === 'stylesheet'
      ? 'css'
      : type === 'document'
        ? 'html'
        : type === 'fetch' || type === 'xhr'
          ? 'api'
          : 'other';

/** Records every finished request of `page`; `totals()` sums them by column. */
function recordTransfers(page) {
  const pending = [];
  const encodings = new Set();
  page.on('requestfinished', (request) => {
    pending.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        const headers = response ? await response.allHeaders() : {};
        if (headers['content-encoding'] && columnOf(request.resourceType()) !== 'api')
          encodings.add(headers['content-encoding']);
        let decoded = 0;
        try {
          decoded = response ? (await response.body()).length : 0;
        } catch {
          decoded = sizes.responseBodySize; // a redirect or an evicted body: count what came
        }
        return {
          url: request.url(),
          column: columnOf(request.resourceType()),
          transferred: sizes.responseBodySize + sizes.responseHeadersSize,
          decoded,
        };
      })(),
    );
  });
  return {
    async totals() {
      const entries = await Promise.all(pending);
      const sum = { js: 0, css: 0, html: 0, api: 0, other: 0, decodedJsCss: 0, requests: 0 };
      for (const entry of entries) {
        sum[entry.column] += entry.transferred;
        if (entry.column === 'js' || entry.column === 'css') sum.decodedJsCss += entry.decoded;
        sum.requests += 1;
      }
      return { ...sum, encodings: [...encodings].sort().join(', ') || 'identity' };
    },
  };
}

async function signIn(page, email) {
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel(/^Password/).fill(benchPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { level: 1, name: /^Welcome,/ }).waitFor();
}

async function visit(browser, url, email, { chart = false } = {}) {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 1280, height: 800 },
  });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  const recorder = recordTransfers(page);
  await page.goto('/login');
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.waitForLoadState('networkidle');
  const login = await recorder.totals();
  await signIn(page, email);
  if (chart) await page.locator('.recharts-surface').first().waitFor();
  await page.waitForLoadState('networkidle');
  // networkidle is about the page's load; SPA navigations need a moment of quiet of our own.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const dashboard = await recorder.totals();
  await context.close();
  return { login, dashboard };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

const database = await createBenchDatabase('web');
const server = await startSpareflow({ DATABASE_URL: database.url });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: chromiumArgs });
try {
  const brand = await registerOwner(server.url, 'brand', 'Kaveri Web Bench');
  const plain = await visit(browser, server.url, brand.credentials.email);

  // A brand with one partner: its dashboard draws "Partners by status".
  const charted = await registerOwner(server.url, 'brand', 'Godavari Web Bench');
  const partner = await registerOwner(server.url, 'service_center', 'Vijayawada Bench');
  await callJson(server.url, 'POST', '/api/v1/network/access-requests', {
    token: partner.accessToken,
    body: { brandId: charted.organizationId },
    expect: 201,
  });
  const pending = await callJson(
    server.url,
    'GET',
    '/api/v1/network/access-requests?status=pending',
    { token: charted.accessToken },
  );
  await callJson(
    server.url,
    'POST',
    `/api/v1/network/access-requests/${pending.items[0].id}/approve`,
    { token: charted.accessToken },
  );
  const withChart = await visit(browser, server.url, charted.credentials.email, { chart: true });

  const rows = [
    ['login page', plain.login],
    ['login → dashboard (no chart)', plain.dashboard],
    ['login → dashboard with a chart', withChart.dashboard],
  ];
  if (asJson) {
    console.log(JSON.stringify(Object.fromEntries(rows), null, 2));
  } else {
    console.log(
      `first load, KB transferred (body as sent + headers); run ${crypto.randomBytes(2).toString('hex')}, ${new Date().toISOString()}`,
    );
    console.log(
      '| visit | JS | CSS | HTML | JS+CSS+HTML | API | JS+CSS decoded | encoding | requests |',
    );
    console.log('| --- | --: | --: | --: | --: | --: | --: | --- | --: |');
    for (const [label, t] of rows)
      console.log(
        `| ${label} | ${kb(t.js)} | ${kb(t.css)} | ${kb(t.html)} | **${kb(t.js + t.css + t.html)}** | ${kb(t.api)} | ${kb(t.decodedJsCss)} | ${t.encodings} | ${t.requests} |`,
      );
  }
} finally {
  await browser.close();
  await stop(server.child);
  await database.drop();
}
