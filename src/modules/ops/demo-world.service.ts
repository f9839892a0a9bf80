import type { MemberRole, OrganizationType } from '../../platform/access/organization-roles.js';
import { inTransaction } from '../../platform/db/transaction.js';
import {
  ensureOrganization,
  ensureVerifiedMember,
  hasUserWithEmail,
  type IdentityDeps,
} from '../identity/index.js';
import { ensureFirstLocation, type NewLocation } from '../locations/index.js';
import { ensureActivePartnerLink } from '../network/index.js';

export interface DemoLogin {
  organization: string;
  organizationType: OrganizationType;
  role: MemberRole;
  email: string;
}

/**
 * A small but believable network: one brand with its warehouse, its authorised distributor and
 * service centre (active partners, each with a location), and a platform administrator.
 */
const demoMembers: ReadonlyArray<{
  type: OrganizationType;
  organization: string;
  name: string;
  email: string;
  role: MemberRole;
  location?: NewLocation;
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
    location: {
      name: 'Central spares warehouse, Bhiwandi',
      address: {
        contactName: 'Anita Rao',
        phone: '+919820012345',
        line1: 'Gala 14, Rajlaxmi Logistics Park, Mumbai-Nashik Highway',
        city: 'Bhiwandi',
        state: 'Maharashtra',
        pincode: '421302',
      },
    },
  },
  {
    type: 'distributor',
    organization: 'Deccan Spares Distributors (demo)',
    name: 'Vikram Patil',
    email: 'distributor@demo.spareflow.in',
    role: 'owner',
    location: {
      name: 'Deccan Spares godown, Hadapsar',
      address: {
        contactName: 'Vikram Patil',
        phone: '+919850023456',
        line1: 'Shop 3, Magarpatta Road, Hadapsar Industrial Estate',
        city: 'Pune',
        state: 'Maharashtra',
        pincode: '411028',
      },
    },
  },
  {
    type: 'service_center',
    organization: 'QuickFix Service Centre Pune (demo)',
    name: 'Sameer Kulkarni',
    email: 'service@demo.spareflow.in',
    role: 'owner',
    location: {
      name: 'QuickFix workshop, Kothrud',
      address: {
        contactName: 'Sameer Kulkarni',
        phone: '+919890034567',
        line1: '12 Paud Road, near Karve Statue',
        city: 'Pune',
        state: 'Maharashtra',
        pincode: '411038',
      },
    },
  },
];

/**
 * Seeds the demo world in one transaction, through the public services of identity, locations
 * and network; idempotent (existing demo users and locations are left as they are). The password
 * is generated per data folder by the caller and shared by the demo logins. Refused in production.
 */
export async function seedDemoWorld(
  deps: IdentityDeps & { isProduction: boolean },
  password: string,
) {
  if (deps.isProduction)
    throw new Error('The demo world is never seeded when NODE_ENV=production.');
  return inTransaction(deps.pool, async (tx) => {
    const logins: DemoLogin[] = [];
    const organizationIds = new Map<OrganizationType, string>();
    let created = 0;
    for (const member of demoMembers) {
      const organization = await ensureOrganization(deps, tx, member.type, member.organization);
      organizationIds.set(member.type, organization.id);
      if (member.location) await ensureFirstLocation(tx, organization.id, member.location);
      // Demo addresses receive no mail; asking to confirm them would only get in the way.
      const account = await ensureVerifiedMember(
        deps,
        tx,
        organization,
        { email: member.email, name: member.name, password },
        member.role,
      );
      if (account.created) created += 1;
      logins.push({
        organization: organization.name,
        organizationType: member.type,
        role: member.role,
        email: member.email,
      });
    }
    const brandId = organizationIds.get('brand');
    for (const partnerType of ['distributor', 'service_center'] as const) {
      const partnerId = organizationIds.get(partnerType);
      if (brandId && partnerId) {
        await ensureActivePartnerLink(tx, { brandId, partnerId, partnerType });
      }
    }
    return { created, logins };
  });
}

/** True once the demo brand's owner exists: the first embedded start seeds only then. */
export async function isDemoWorldSeeded(deps: IdentityDeps): Promise<boolean> {
  const brandOwner = demoMembers.find((member) => member.type === 'brand');
  return brandOwner !== undefined && (await hasUserWithEmail(deps.db, brandOwner.email));
}
