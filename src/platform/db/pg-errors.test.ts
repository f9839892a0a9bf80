import pg from 'pg';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import {
  findPgError,
  isCheckViolation,
  isForeignKeyViolation,
  isUniqueViolation,
} from './pg-errors.js';

/** A server error as pg builds it from the wire. */
function pgError(code: string, constraint?: string): pg.DatabaseError {
  const error = new pg.DatabaseError('duplicate key value violates unique constraint', 0, 'error');
  error.code = code;
  error.severity = 'ERROR';
  error.constraint = constraint;
  error.table = 'users';
  return error;
}

describe('findPgError', () => {
  it('finds the driver error directly, inside Drizzle’s wrapper, and two wrappers deep', () => {
    const direct = pgError('23505', 'users_email_unique');
    const wrapped = new DrizzleQueryError('insert into users …', ['a@b.c'], direct);
    const twice = new Error('registration failed', { cause: wrapped });
    for (const error of [direct, wrapped, twice]) {
      expect(findPgError(error)).toEqual({
        code: '23505',
        constraint: 'users_email_unique',
        table: 'users',
        column: undefined,
      });
    }
  });

  it('ignores errors that are not PostgreSQL’s, even with a code', () => {
    const econn = Object.assign(new Error('connect ECONNREFUSED'), { code: 'EPIPE' });
    expect(findPgError(econn)).toBeUndefined();
    expect(findPgError('23505')).toBeUndefined();
    expect(findPgError(undefined)).toBeUndefined();
  });

  it('stops on a cause cycle', () => {
    const first = new Error('a');
    const second = new Error('b', { cause: first });
    (first as Error & { cause?: unknown }).cause = second;
    expect(findPgError(first)).toBeUndefined();
  });
});

describe('constraint predicates', () => {
  const unique = new DrizzleQueryError('q', [], pgError('23505', 'users_email_unique'));

  it('matches the code, and the constraint when one is named', () => {
    expect(isUniqueViolation(unique)).toBe(true);
    expect(isUniqueViolation(unique, 'users_email_unique')).toBe(true);
    expect(isUniqueViolation(unique, 'parts_brand_part_number_unique')).toBe(false);
    expect(isCheckViolation(unique)).toBe(false);
    expect(isCheckViolation(new DrizzleQueryError('q', [], pgError('23514')))).toBe(true);
    expect(isForeignKeyViolation(pgError('23503', 'fk'), 'fk')).toBe(true);
  });
});
