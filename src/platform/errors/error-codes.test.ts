import { describe, expect, it } from 'vitest';
import { AppError } from './app-error.js';
import { errorCatalog, errorCodes } from './error-codes.js';

describe('error catalog', () => {
  it('lists every catalogued code', () => {
    expect(errorCodes).toEqual(Object.keys(errorCatalog));
    expect(errorCodes.length).toBeGreaterThan(0);
    expect(new Set(errorCodes).size).toBe(errorCodes.length);
  });

  it.each(errorCodes)('%s is UPPER_SNAKE and maps to a 4xx/5xx status with a title', (code) => {
    expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    const { status, title } = errorCatalog[code];
    expect(Number.isInteger(status)).toBe(true);
    expect(status).toBeGreaterThanOrEqual(400);
    expect(status).toBeLessThan(600);
    expect(title.trim()).not.toBe('');
  });

  it('keeps the statuses the public contract promises', () => {
    expect(errorCatalog.VALIDATION_FAILED.status).toBe(400);
    expect(errorCatalog.UNAUTHENTICATED.status).toBe(401);
    expect(errorCatalog.NOT_FOUND.status).toBe(404);
    expect(errorCatalog.CONFLICT.status).toBe(409);
    expect(errorCatalog.INTERNAL_ERROR.status).toBe(500);
  });
});

describe('AppError', () => {
  it('takes its status from the catalog and its message from the detail or title', () => {
    const withDetail = new AppError('CONFLICT', { detail: 'Already shipped.' });
    expect(withDetail.status).toBe(409);
    expect(withDetail.message).toBe('Already shipped.');
    expect(withDetail.detail).toBe('Already shipped.');
    const bare = new AppError('RATE_LIMITED');
    expect(bare.status).toBe(429);
    expect(bare.message).toBe('Too many requests');
    expect(bare.detail).toBeUndefined();
  });

  it('keeps field errors, extensions and the cause', () => {
    const cause = new Error('pg: duplicate key');
    const error = new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'body.sku', message: 'is taken' }],
      extensions: { retryAfterSeconds: 3 },
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('AppError');
    expect(error.errors).toEqual([{ path: 'body.sku', message: 'is taken' }]);
    expect(error.extensions).toEqual({ retryAfterSeconds: 3 });
    expect(error.cause).toBe(cause);
  });
});
