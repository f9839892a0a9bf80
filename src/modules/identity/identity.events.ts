import type { MemberRole, OrganizationType } from './identity.tables.js';

declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    /** A new organization joined the platform (registration, admin action or demo seed). */
    'organization.created': { organizationId: string; type: OrganizationType; name: string };
    /** A user became a member of an organization with a role. */
    'membership.created': { organizationId: string; userId: string; role: MemberRole };
  }
}
