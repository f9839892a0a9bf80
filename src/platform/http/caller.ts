import type { MemberRole, OrganizationType } from '../access/organization-roles.js';

/**
 * Who is calling, established once per request by authentication. Every authorisation decision
 * and every repository filter starts from here; nothing trusts an organization id from the body.
 */
export type Caller =
  | {
      kind: 'user';
      userId: string;
      organizationId: string;
      organizationType: OrganizationType;
      role: MemberRole;
      /** The session (refresh-token family) of the access token, when the token names one. */
      sessionId?: string;
    }
  | {
      kind: 'api_key';
      apiKeyId: string;
      organizationId: string;
      organizationType: OrganizationType;
      scope: 'read' | 'read_write';
    };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the route policy for authenticated routes; `null` on public ones. */
    caller: Caller | null;
  }
}
