import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authClient, newAccount } from '../support/auth-client.js';
import { useTestApp } from '../support/test-app.js';

type LogLine = Record<string, unknown>;
const lines: LogLine[] = [];
const destination = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean))
      lines.push(JSON.parse(line) as LogLine);
    callback();
  },
});

const testApp = useTestApp({ LOG_LEVEL: 'info' }, { logDestination: destination });
const { call, query } = authClient(testApp);

/** Every value of the account that must never reach a log line, in any form we know of. */
function expectNotLogged(account: ReturnType<typeof newAccount>): void {
  const text = JSON.stringify(lines);
  expect(text).not.toContain(account.email);
  expect(text.toLowerCase()).not.toContain(account.email.toLowerCase());
  expect(text).not.toContain(account.name);
  expect(text).not.toContain(account.phone.slice(3));
  expect(text).not.toContain(account.password);
  expect(text).not.toMatch(/\$2[aby]\$\d\d\$/);
}

describe('error logs carry no personal data or password hashes', () => {
  it('a duplicate registration, one after another and all at once', async () => {
    const account = { ...newAccount(), phone: '+919812345670' };
    expect((await call('POST', '/api/v1/auth/register', account)).status).toBe(201);
    const again = { ...account, email: account.email.toUpperCase() };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => call('POST', '/api/v1/auth/register', again)),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(6).fill(409));
    expect(lines.some((line) => line.msg === 'request rejected')).toBe(true);
    expectNotLogged(account);
  });

  describe('a statement PostgreSQL refuses', () => {
    const refusedPhone = '+919800000001';
    // A CHECK the application does not know about: the insert fails with 23514, whose detail
    // ("Failing row contains (…)") holds the whole row, password hash included.
    beforeAll(async () => {
      await query(
        `alter table users add constraint users_refuse_test_phone check (phone <> '${refusedPhone}') not valid`,
      );
    });
    afterAll(async () => {
      await query('alter table users drop constraint users_refuse_test_phone');
    });

    it('is logged with its query, SQLSTATE and constraint, never its parameters or row', async () => {
      const account = { ...newAccount(), phone: refusedPhone };
      const response = await call('POST', '/api/v1/auth/register', account);
      expect(response.status).toBe(500);
      const failure = lines.find(
        (line) => line.level === 'error' && line.reqId === response.headers.get('x-request-id'),
      );
      expect(failure?.err).toMatchObject({
        type: 'DrizzleQueryError',
        query: expect.stringContaining('insert into "users"') as unknown,
        cause: {
          code: '23514',
          constraint: 'users_refuse_test_phone',
          table: 'users',
          detail: 'Failing row contains ([REDACTED]).',
        },
      });
      expectNotLogged(account);
    });
  });
});
