import { inTransaction } from '../../platform/db/transaction.js';
import { identityRepository } from './identity.repository.js';
import { createMember, ensureOrganization, type IdentityDeps } from './platform-admin.service.js';
import type { MemberRole, OrganizationType } from './identity.tables.js';

export interface DemoLogin {
  organization: string;
  organizationType: OrganizationType;
  role: MemberRole;
  email: string;
}

/** A small but believable network: one brand, its distributor and a service centre, plus an admin. */
const demoMembers: ReadonlyArray<{
  type: OrganizationType;
  organization: string;
  name: string;
  email: string;
  role: MemberRole;
}> = [
  {
    type: 'platform',
    organization: 'SpareFlow Platform',
    name: 'Platform Admin (demo)',
    email: 'admin@demo.spareflow.in',
    role: 'owner',
  },
  {
    type: 'brand',
    organization: 'Kaveri Home Appliances (demo)',
    name: 'Anita Rao',
    email: 'brand@demo.spareflow.in',
    role: 'owner',
  },
  {
    type: 'distributor',
    organization: 'Deccan Spares Distributors (demo)',
    name: 'Vikram Patil',
    email: 'distributor@demo.spareflow.in',
    role: 'owner',
  },
  {
    type: 'service_center',
    organization: 'QuickFix Service Centre Pune (demo)',
    name: 'Sameer Kulkarni',
    email: 'service@demo.spareflow.in',
    role: 'owner',
  },
];

/**
 * Seeds the demo world; idempotent (existing demo users are left as they are). The password is
 * generated per data folder by the caller and shared by the demo logins. Refused in production.
 */
export async function seedDemoWorld(
  deps: IdentityDeps & { isProduction: boolean },
  password: string,
) {
  if (deps.isProduction)
    throw new Error('The demo world is never seeded when NODE_ENV=production.');
  return inTransaction(deps.pool, async (tx) => {
    const logins: DemoLogin[] = [];
    let created = 0;
    for (const member of demoMembers) {
      const organization = await ensureOrganization(deps, tx, member.type, member.organization);
      if (!(await identityRepository.findUserByEmail(tx.db, member.email))) {
        await createMember(
          deps,
          tx,
          organization,
          { email: member.email, name: member.name, password },
          member.role,
        );
        created += 1;
      }
      logins.push({
        organization: organization.name,
        organizationType: member.type,
        role: member.role,
        email: member.email,
      });
    }
    return { created, logins };
  });
}

/** True once the demo brand's owner exists: the first embedded start seeds only then. */
export async function isDemoWorldSeeded(deps: IdentityDeps): Promise<boolean> {
  const brandOwner = demoMembers.find((member) => member.type === 'brand');
  return (
    brandOwner !== undefined &&
    (await identityRepository.findUserByEmail(deps.db, brandOwner.email)) !== undefined
  );
}
