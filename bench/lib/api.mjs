// A bench's calls to the SpareFlow API: register an organization's owner, log in, plain JSON calls.
import crypto from 'node:crypto';

export const benchPassword = 'Correct-horse-battery-9';

/** One JSON request; throws unless the status is `expect` (default any 2xx). */
export async function callJson(url, method, path, { body, token, headers = {}, expect } = {}) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  const ok = expect === undefined ? response.ok : response.status === expect;
  if (!ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

/**
 * Registers a new user owning a new organization of `type` through `POST /api/v1/auth/register`.
 * Returns the credentials, the organization and the access token (valid 15 minutes).
 */
export async function registerOwner(url, type = 'brand', label = 'Bench') {
  const suffix = crypto.randomBytes(4).toString('hex');
  const credentials = { email: `bench.${suffix}@example.in`, password: benchPassword };
  const registered = await callJson(url, 'POST', '/api/v1/auth/register', {
    expect: 201,
    body: {
      ...credentials,
      name: `${label} ${suffix}`,
      phone: '+919876543210',
      organization: { type, name: `${label} ${suffix}` },
    },
  });
  return {
    credentials,
    organizationId: registered.organization.id,
    accessToken: registered.accessToken,
  };
}

/** `POST /api/v1/auth/login`: a fresh access token for `credentials`. */
export async function login(url, credentials) {
  const session = await callJson(url, 'POST', '/api/v1/auth/login', {
    expect: 200,
    body: credentials,
  });
  return session.accessToken;
}
