import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/config.js';
import { AppError } from '../errors/app-error.js';
import { packageRoot } from '../runtime/package-info.js';
import type { FastifyZodApp } from './fastify-types.js';
import { sendProblem } from './problem.js';
import { htmlSecurityHeaders, webAppPolicyFor } from './security-headers.js';

/** Where `npm run build` puts the web app (Vite's output), relative to the package root. */
export const defaultWebAppDir = path.join(packageRoot, 'dist', 'web');

/**
 * The web app's Content-Security-Policy. Scripts only from this origin (Vite emits no inline
 * script); inline styles are allowed because Mantine injects CSS variables and emotion-free style
 * tags at run time; images may be data:/blob: URLs (icons, previews); the API is same-origin.
 * With Razorpay live, `webAppPolicyFor` adds Checkout's script and frame origins.
 */
export const webAppContentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "object-src 'none'",
].join('; ');

/** Path prefixes that belong to the server, never to the SPA's client-side router. */
const serverPrefixes = ['/api/', '/health/', '/metrics/', '/docs/', '/assets/'];
const serverPaths = new Set(['/api', '/health', '/metrics', '/openapi.json', '/docs', '/assets']);

/** Whether an unmatched request is a browser navigation the SPA should answer (deep link). */
export function isPageNavigation(request: FastifyRequest): boolean {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false;
  const accept = request.headers.accept;
  if (typeof accept !== 'string' || !accept.includes('text/html')) return false;
  const query = request.url.indexOf('?');
  const pathname = query < 0 ? request.url : request.url.slice(0, query);
  if (serverPaths.has(pathname)) return false;
  return !serverPrefixes.some((prefix) => pathname.startsWith(prefix));
}

export interface WebApp {
  /** Serves index.html for a deep link; called by the 404 handler (see problem.ts). */
  servePage(request: FastifyRequest, reply: FastifyReply): FastifyReply | Promise<FastifyReply>;
}

/**
 * Serves the built web app from `dir` (default `dist/web`), when it has an `index.html`:
 *
 * - every file as a route of its own (`wildcard: false`: the files are listed once at start-up, so
 *   an unknown URL still reaches the problem+json 404 and no catch-all route shadows the API; a
 *   rebuild needs a restart);
 * - precompressed: the build writes `<file>.br` and `<file>.gz` next to each text file
 *   (web/vite-precompress.ts); a browser that accepts brotli or gzip gets that copy with its
 *   `Content-Encoding` and the original's content type, others the file itself, and every file
 *   answer says `Vary: accept-encoding` (so a shared cache keeps the variants apart). The copies
 *   are not routes of their own;
 * - `/assets/*` (Vite's content-hashed files) cacheable for a year, `immutable`;
 * - HTML (`/`, `/index.html`, deep links) `no-cache`, with the web app's CSP and helmet's page set
 *   instead of the API's headers;
 * - deep links: the 404 handler answers page navigations (GET/HEAD, `Accept: text/html`, outside
 *   the server's own paths) with index.html and 200, so the SPA's router takes over.
 *
 * No hook is added: headers are set per file by @fastify/static's `setHeaders`, so `/health/live`
 * and the API pay nothing. Without a build, `/` answers a problem+json 404 that says how to build.
 */
export async function registerWebApp(
  app: FastifyZodApp,
  config: AppConfig,
  dir: string = defaultWebAppDir,
): Promise<WebApp | undefined> {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      sendProblem(
        reply,
        new AppError('NOT_FOUND', {
          detail:
            'The web app is not built (dist/web/index.html is missing): run `npm run build`. The API is at /api/v1, its reference at /docs.',
        }),
      ),
    );
    return undefined;
  }
  const pageHeaders: Record<string, string> = {
    ...htmlSecurityHeaders(config),
    'content-security-policy': webAppPolicyFor(config, webAppContentSecurityPolicy),
    'x-frame-options': 'DENY',
    // Payment windows keep their opener: the sandbox checkout page hands the payment back with
    // `window.opener.postMessage`, and Razorpay Checkout opens windows too (UPI, net banking).
    // Helmet's `same-origin` severs a cross-origin popup from its opener, so the top-up never
    // learnt it was paid; `same-origin-allow-popups` is what Razorpay asks for and still keeps
    // pages that open this app out of its browsing context group.
    'cross-origin-opener-policy': 'same-origin-allow-popups',
    'cache-control': 'no-cache',
  };
  const immutable = 'public, max-age=31536000, immutable';
  const assetsDir = path.join(dir, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    wildcard: false,
    preCompressed: true,
    globIgnore: ['**/*.br', '**/*.gz'],
    // Our own Cache-Control below, not send's `public, max-age=0`.
    cacheControl: false,
    setHeaders: (reply, sentPath) => {
      // The file the answer stands for: `index.html` when `index.html.br` is sent.
      const filePath = sentPath.replace(/\.(?:br|gz)$/, '');
      if (filePath.endsWith('.html')) {
        void reply.headers(pageHeaders);
      } else if (filePath.startsWith(assetsDir)) {
        void reply.header('cache-control', immutable);
      } else {
        // favicon.ico, robots.txt…: not content-hashed, so revalidate.
        void reply.header('cache-control', 'no-cache');
      }
    },
  });
  return {
    servePage: (_request, reply) => reply.status(200).sendFile('index.html'),
  };
}
