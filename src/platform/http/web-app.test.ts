import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { isPageNavigation } from './web-app.js';

const html = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const request = (method: string, url: string, accept?: string) =>
  ({ method, url, headers: accept === undefined ? {} : { accept } }) as FastifyRequest;

describe('isPageNavigation', () => {
  it('takes browser navigations to SPA paths, with or without a query', () => {
    for (const url of ['/', '/dashboard', '/some/deep/link', '/reset-password?token=x']) {
      expect(isPageNavigation(request('GET', url, html))).toBe(true);
      expect(isPageNavigation(request('HEAD', url, html))).toBe(true);
    }
  });

  it('leaves server paths, other methods and non-HTML requests to the 404', () => {
    for (const url of [
      '/api',
      '/api/v1/nope',
      '/health',
      '/health/nope',
      '/metrics',
      '/metrics/x',
      '/openapi.json',
      '/docs',
      '/docs/x',
      '/assets/missing.js',
    ]) {
      expect({ url, page: isPageNavigation(request('GET', url, html)) }).toEqual({
        url,
        page: false,
      });
    }
    expect(isPageNavigation(request('POST', '/dashboard', html))).toBe(false);
    expect(isPageNavigation(request('GET', '/dashboard', 'application/json'))).toBe(false);
    expect(isPageNavigation(request('GET', '/dashboard'))).toBe(false);
  });
});
