import crypto from 'node:crypto';
import type { TestApp } from './test-app.js';

export const authTestSecret = 'e2e-auth-secret-e2e-auth-secret-0123456789';
export const authTestPassword = 'Correct-horse-battery-9';

/**
 * A small JSON client for the identity e2e tests. It keeps every response body it saw, so a file
 * can assert at the end that no password hash ever left the server.
 */
export function authClient(testApp: () => TestApp) {
  const bodies: string[] = [];
  async function call(method: string, path: string, body?: unknown, token?: string) {
    const response = await fetch(`${testApp().url}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    bodies.push(text);
    // Test-side view of whatever the server sent; each test asserts the fields it relies on.
    // Tests assert response bodies field by field; a loose type keeps them readable.
    const json = (text ? JSON.parse(text) : null) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    return { status: response.status, headers: response.headers, json };
  }
  const query = async (sql: string, values: unknown[] = []) =>
    (await testApp().database.pool.query(sql, values)).rows as Array<Record<string, unknown>>;
  return { call, query, bodies };
}

/** A registration body with a unique, mixed-case e-mail and organization name. */
export function newAccount(type = 'brand') {
  const suffix = crypto.randomBytes(4).toString('hex');
  return {
    email: `Owner.${suffix}@Example.in`,
    password: authTestPassword,
    name: `Owner ${suffix}`,
    phone: '+919876543210',
    organization: { type, name: `Org ${suffix}` },
  };
}

/** The bodies that look like they carry a password hash (expected: none). */
export function bodiesWithPasswordHashes(bodies: readonly string[]): string[] {
  return bodies.filter((body) => /\$2[aby]\$/.test(body) || /password_?hash/i.test(body));
}
