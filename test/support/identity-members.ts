import type { Container } from '../../src/app/container.js';
import { memberRoles, type MemberRole } from '../../src/modules/identity/identity.tables.js';
import { makeOrganization } from './factories/organization.factory.js';

export interface BrandWithMembers {
  organizationId: string;
  name: string;
  /** Bearer tokens per role, ready for the Authorization header. */
  tokens: Record<MemberRole, string>;
}

/** A fresh brand with one member of every role, each with a signed access token. */
export async function brandWithMembers(container: Container): Promise<BrandWithMembers> {
  const { organizationId, name, members } = await makeOrganization(container, 'brand', memberRoles);
  const tokens = {} as Record<MemberRole, string>;
  for (const role of memberRoles) {
    const member = members[role];
    if (!member) throw new Error(`no ${role} created`);
    tokens[role] = member.accessToken;
  }
  return { organizationId, name, tokens };
}
