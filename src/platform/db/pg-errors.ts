import pg from 'pg';

/**
 * The PostgreSQL error (SQLSTATE) behind a failure, wherever it sits: pg throws it directly from
 * `client.query`, but Drizzle wraps it in a `DrizzleQueryError` whose `cause` it is, and our own
 * code may wrap once more. Every check of an error code goes through here, so a new wrapper cannot
 * turn a 409 into a 500 again (the registration race did exactly that).
 */
export interface PgErrorFacts {
  /** SQLSTATE, e.g. `23505`. */
  code: string;
  constraint: string | undefined;
  table: string | undefined;
  column: string | undefined;
}

/** SQLSTATEs the code reacts to (https://www.postgresql.org/docs/current/errcodes-appendix.html). */
export const pgErrorCodes = {
  foreignKeyViolation: '23503',
  uniqueViolation: '23505',
  checkViolation: '23514',
} as const;

const maxCauseDepth = 10;

/** A server error as pg reports it; duck-typed too, so a second copy of pg is still recognised. */
function isDatabaseError(value: unknown): value is pg.DatabaseError {
  if (value instanceof pg.DatabaseError) return true;
  if (!(value instanceof Error)) return false;
  const candidate = value as Error & { code?: unknown; severity?: unknown };
  return (
    typeof candidate.code === 'string' &&
    /^[0-9A-Z]{5}$/.test(candidate.code) &&
    typeof candidate.severity === 'string'
  );
}

/** The first PostgreSQL error along `error`'s `cause` chain, or `undefined`. */
export function findPgError(error: unknown): PgErrorFacts | undefined {
  let current: unknown = error;
  for (let depth = 0; depth <= maxCauseDepth && current instanceof Error; depth += 1) {
    if (isDatabaseError(current)) {
      return {
        code: current.code ?? '',
        constraint: current.constraint,
        table: current.table,
        column: current.column,
      };
    }
    current = current.cause;
  }
  return undefined;
}

function hasCode(error: unknown, code: string, constraint?: string): boolean {
  const found = findPgError(error);
  return (
    found !== undefined &&
    found.code === code &&
    (constraint === undefined || found.constraint === constraint)
  );
}

/** A unique index refused the row (of `constraint`, when given). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return hasCode(error, pgErrorCodes.uniqueViolation, constraint);
}

/** A CHECK constraint refused the row (`constraint`, when given). */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  return hasCode(error, pgErrorCodes.checkViolation, constraint);
}

/** A foreign key refused the row (`constraint`, when given). */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  return hasCode(error, pgErrorCodes.foreignKeyViolation, constraint);
}
