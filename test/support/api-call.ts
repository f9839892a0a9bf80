import type { TestApp } from './test-app.js';

export type Auth = { bearer: string } | { apiKey: string } | null;

export interface ApiResponse {
  status: number;
  // Test-side view of whatever the server sent; each test asserts the fields it relies on.
  // Response bodies are asserted with toMatchObject/toEqual; a loose type keeps tests readable.
  json: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** A JSON client for e2e tests: bearer token or API key, optional body. */
export function apiCaller(testApp: () => TestApp) {
  return async (method: string, path: string, auth: Auth, body?: unknown): Promise<ApiResponse> => {
    const headers: Record<string, string> = {};
    if (auth && 'bearer' in auth) headers.authorization = `Bearer ${auth.bearer}`;
    if (auth && 'apiKey' in auth) headers['x-api-key'] = auth.apiKey;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${testApp().url}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return {
      status: response.status,
      json: (text ? JSON.parse(text) : null) as ApiResponse['json'],
    };
  };
}
