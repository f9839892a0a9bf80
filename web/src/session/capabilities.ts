import type { Me } from './session-store';

/** A capability name of `GET /api/v1/me` (the server's closed list, typed from the contract). */
export type Capability = Me['capabilities'][number];

/**
 * Whether the signed-in person may do this in the organization they are signed in to. The server
 * derives `capabilities` from the very route policies it enforces, so pages show exactly the
 * actions whose calls would be allowed, without copying role lists; the API still decides.
 */
export function can(me: Me, capability: Capability): boolean {
  return me.capabilities.includes(capability);
}
