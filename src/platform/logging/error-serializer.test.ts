import { Writable } from 'node:stream';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { redactPgDetail, serializeError } from './error-serializer.js';
import { createLogger } from './logger.js';

type LogLine = Record<string, unknown>;

function memoryLogger() {
  const lines: LogLine[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
        lines.push(JSON.parse(line) as LogLine);
      callback();
    },
  });
  return { logger: createLogger({ level: 'info', destination }), lines };
}

/** What a duplicate registration carried: every value is personal data or a secret. */
const person = {
  email: 'priya.sharma@example.com',
  hash: '$2b$12$qq70a5iuCCxuulFwZThax.OxF/oW06h4kwJYXQyyxhA/Jq9IdiYHq',
  name: 'Priya Sharma',
  phone: '+919876543210',
};
const personal = Object.values(person);
const insertUsers =
  'insert into "users" ("id", "email", "name", "phone", "password_hash") values (default, $1, $2, $3, $4) returning "id"';

/** A unique violation as pg builds it, wrapped by Drizzle as the repositories see it. */
function failedRegistration(): DrizzleQueryError {
  const driver = new pg.DatabaseError(
    'duplicate key value violates unique constraint "users_email_unique"',
    120,
    'error',
  );
  Object.assign(driver, {
    severity: 'ERROR',
    code: '23505',
    detail: `Key (lower(email))=(${person.email}) already exists.`,
    schema: 'public',
    table: 'users',
    constraint: 'users_email_unique',
    routine: '_bt_check_unique',
  });
  return new DrizzleQueryError(
    insertUsers,
    [person.email, person.name, person.phone, person.hash],
    driver,
  );
}

function expectNothingPersonal(text: string): void {
  for (const value of personal) expect(text).not.toContain(value);
  expect(text).not.toMatch(/\$2[aby]\$/);
  expect(text).not.toContain('9876543210');
}

describe('serializeError', () => {
  it('keeps the query, SQLSTATE, constraint and table of a failed statement, never its parameters', () => {
    const serialized = serializeError(failedRegistration()) as Record<string, unknown>;
    expectNothingPersonal(JSON.stringify(serialized));
    expect(serialized).toMatchObject({
      type: 'DrizzleQueryError',
      message: `Failed query: ${insertUsers}\nparams: [REDACTED]`,
      query: insertUsers,
      cause: {
        type: 'DatabaseError',
        message: 'duplicate key value violates unique constraint "users_email_unique"',
        code: '23505',
        constraint: 'users_email_unique',
        table: 'users',
        detail: 'Key (lower(email))=([REDACTED]) already exists.',
      },
    });
    expect(serialized).not.toHaveProperty('params');
    expect(String(serialized.stack)).toMatch(
      /^Error: Failed query: insert into .*\nparams: \[REDACTED\]\n/,
    );
    expect(String(serialized.stack)).toContain('    at ');
  });

  it('cuts the input from data errors and bind-parameter context', () => {
    const driver = new pg.DatabaseError(
      `invalid input syntax for type uuid: "${person.email}"`,
      90,
      'error',
    );
    Object.assign(driver, {
      severity: 'ERROR',
      code: '22P02',
      where: `unnamed portal parameter $1 = '${person.email}'`,
    });
    const text = JSON.stringify(serializeError(new Error('lookup failed', { cause: driver })));
    expectNothingPersonal(text);
    expect(text).toContain('invalid input syntax for type uuid: \\"[REDACTED]\\"');
    expect(text).toContain('unnamed portal parameter $1 = [REDACTED]');
  });

  it('passes values that are not errors through unchanged and survives cause cycles', () => {
    expect(serializeError('text')).toBe('text');
    const looped = new Error('a');
    (looped as Error & { cause?: unknown }).cause = looped;
    expect(serializeError(looped)).toMatchObject({ message: 'a', cause: { message: '[cycle]' } });
  });
});

describe('redactPgDetail', () => {
  it.each([
    ['Key (email)=(a@b.c) already exists.', 'Key (email)=([REDACTED]) already exists.'],
    [
      'Key (organization_id, name)=(3f1…, Pune (East)) already exists.',
      'Key (organization_id, name)=([REDACTED]) already exists.',
    ],
    [
      'Key (user_id)=(8d1c…) is not present in table "users".',
      'Key (user_id)=([REDACTED]) is not present in table "users".',
    ],
    [
      'Key (id)=(8d1c…) is still referenced from table "memberships".',
      'Key (id)=([REDACTED]) is still referenced from table "memberships".',
    ],
    [
      'Failing row contains (1, priya@example.com, Priya, +919876543210).',
      'Failing row contains ([REDACTED]).',
    ],
    [
      'Process 12 waits for ShareLock on transaction 34; blocked by process 56.',
      'Process 12 waits for ShareLock on transaction 34; blocked by process 56.',
    ],
  ])('%s', (detail, expected) => {
    expect(redactPgDetail(detail)).toBe(expected);
  });
});

describe('every log path writes errors by the same rule', () => {
  it('application and job loggers: under err, under another key, inside arrays, and bare', () => {
    const { logger, lines } = memoryLogger();
    const job = logger.child({ job: 'import.run' });
    job.error({ err: failedRegistration() }, 'job failed');
    logger.warn({ error: failedRegistration(), attempts: [failedRegistration()] }, 'retrying');
    logger.error(failedRegistration());
    expect(lines).toHaveLength(3);
    expectNothingPersonal(JSON.stringify(lines));
    expect(lines[0]?.err).toMatchObject({ cause: { code: '23505' } });
    expect(lines[1]?.error).toMatchObject({ cause: { constraint: 'users_email_unique' } });
    expect(lines[2]?.msg).toBe(`Failed query: ${insertUsers}\nparams: [REDACTED]`);
  });

  it("Fastify's request logger: a route failing on SQL logs the error without its values", async () => {
    const { logger, lines } = memoryLogger();
    const app = Fastify({ loggerInstance: logger as FastifyBaseLogger });
    app.post('/api/v1/auth/register', async () => {
      throw failedRegistration();
    });
    const response = await app.inject({ method: 'POST', url: '/api/v1/auth/register' });
    await app.close();
    expect(response.statusCode).toBe(500);
    const failure = lines.find((line) => line.level === 'error');
    expect(failure?.err).toMatchObject({ type: 'DrizzleQueryError', query: insertUsers });
    expectNothingPersonal(JSON.stringify(lines));
  });
});
