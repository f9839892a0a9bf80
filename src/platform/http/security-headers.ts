import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { AppConfig } from '../../config/config.js';

/**
 * Helmet's security headers, computed once at start-up instead of per request. Helmet's middleware
 * recomputes them on every response, which halved the throughput of a trivial route in our
 * measurement (bench/http-baseline); our policy is static, so the result is too.
 */
export function computeSecurityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
      return this;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)(
    {} as IncomingMessage,
    response as unknown as ServerResponse,
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return headers;
}

/**
 * Headers for JSON API responses, the OWASP REST Security set: no MIME sniffing, no framing (CSP
 * `frame-ancestors` and the legacy X-Frame-Options), HSTS in production. Routes returning private
 * data add `Cache-Control: no-store` themselves. The browser-page set (referrer, DNS prefetch,
 * origin isolation…) means nothing to a JSON client and costs bytes on every response.
 */
export function apiSecurityHeaders(config: AppConfig): Record<string, string> {
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    ...(config.isProduction
      ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' }
      : {}),
  };
}

/** Helmet's full set for HTML pages (the API reference; the web app adds its own CSP). */
export function htmlSecurityHeaders(config: AppConfig): Record<string, string> {
  return computeSecurityHeaders({
    contentSecurityPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-site' },
    strictTransportSecurity: config.isProduction,
  });
}

/**
 * Razorpay Checkout (live mode only) loads its script from checkout.razorpay.com and shows the
 * payment form in a frame from api.razorpay.com. In sandbox mode the simulator's own checkout
 * page opens in a window of its own, so nothing is added and the policy stays `'self'`-only.
 */
export const razorpayCheckoutSources = {
  script: ['https://checkout.razorpay.com'],
  frame: ['https://api.razorpay.com', 'https://checkout.razorpay.com'],
} as const;

/**
 * The web app's Content-Security-Policy for this configuration: `basePolicy` with Razorpay
 * Checkout's script and frame origins added when Razorpay runs live, unchanged otherwise.
 */
export function webAppPolicyFor(
  config: Pick<AppConfig, 'integrations'>,
  basePolicy: string,
): string {
  if (config.integrations.razorpay !== 'live') return basePolicy;
  const directives = basePolicy
    .split('; ')
    .map((directive) =>
      directive.startsWith('script-src ')
        ? `${directive} ${razorpayCheckoutSources.script.join(' ')}`
        : directive,
    );
  directives.splice(2, 0, `frame-src 'self' ${razorpayCheckoutSources.frame.join(' ')}`);
  return directives.join('; ');
}
