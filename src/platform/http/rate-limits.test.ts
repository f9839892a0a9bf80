import { describe, expect, it } from 'vitest';
import { rateLimitClassOf } from './rate-limits.js';

describe('rateLimitClassOf', () => {
  it('exempts probes and the metrics scrape', () => {
    for (const url of ['/health/live', '/health/ready', '/metrics']) {
      expect(rateLimitClassOf(url)).toBe('exempt');
    }
  });

  it('gives credential routes, including later password-reset steps, the stricter limit', () => {
    for (const url of [
      '/api/v1/auth/login',
      '/api/v1/auth/register',
      '/api/v1/auth/password-reset/request',
      '/api/v1/auth/password-reset/confirm',
      '/api/v1/auth/password-change',
      '/api/v1/auth/verify-email/resend',
      '/api/v1/team/invitations/preview',
      '/api/v1/network/invitations/preview',
    ]) {
      expect(rateLimitClassOf(url)).toBe('credentials');
    }
  });

  it('gives every other route the general limit', () => {
    for (const url of [
      '/api/v1/auth/refresh',
      '/api/v1/auth/verify-email',
      '/api/v1/me',
      '/openapi.json',
      '/metrics/x',
      '/',
    ]) {
      expect(rateLimitClassOf(url)).toBe('general');
    }
  });
});
