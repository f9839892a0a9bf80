import { vi } from 'vitest';
import { capabilitiesHeldBy, type CapabilityHolder } from '../../src/platform/http/capabilities';
import { jsonResponse } from './render';

export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
}

type Handler = (request: SentRequest) => Response | undefined;

/**
 * Stubs `fetch` for component tests: records every call (method, path with query, JSON body)
 * in order and answers with the first handler that returns a response (else 404).
 */
export function fakeServer(handler: Handler) {
  const calls: SentRequest[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request =
      input instanceof Request ? input : new Request(new URL(String(input), location.origin), init);
    const url = new URL(request.url);
    const text = await request.clone().text();
    const sent: SentRequest = {
      method: request.method,
      path: `${url.pathname}${url.search}`,
      body: text ? (JSON.parse(text) as unknown) : undefined,
    };
    calls.push(sent);
    return (
      handler(sent) ?? jsonResponse(404, { status: 404, code: 'NOT_FOUND', detail: 'Not stubbed' })
    );
  });
  vi.stubGlobal('fetch', fetch);
  return { calls, fetch };
}

/**
 * The capabilities `/me` would list for a member: computed by the server's own authorization
 * table (src/platform/http/capabilities.ts), so fixtures cannot drift from the policies.
 */
export function capabilitiesFor(type: string, role: string): string[] {
  return capabilitiesHeldBy({ kind: 'user', organizationType: type, role } as CapabilityHolder);
}

export function meOf(type: string, role = 'owner') {
  return {
    user: {
      id: 'user-1',
      email: 'asha@example.in',
      name: 'Asha Rao',
      phone: null,
      emailVerified: true,
    },
    organization: { id: 'org-1', type, name: type === 'brand' ? 'Voltas Cool' : 'QuickFix Pune' },
    role,
    memberships: [],
    capabilities: capabilitiesFor(type, role),
  };
}
