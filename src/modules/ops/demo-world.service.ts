import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { identityRepository } from '../identity/identity.repository.js';
import { oneTimeTokenRepository } from '../identity/one-time-token.repository.js';
import {
  createMember,
  ensureOrganization,
  type IdentityDeps,
} from '../identity/platform-admin.service.js';
import type { MemberRole, OrganizationType } from '../identity/identity.tables.js';
import { locationRepository } from '../locations/location.repository.js';
import { partnerLinkRepository } from '../network/partner-link.repository.js';

export interface DemoLogin {
  organization: string;
  organizationType: OrganizationType;
  role: MemberRole;
  email: string;
}

interface DemoAddress {
  contactName: string;
  phone: string;
  line1: string;
  city: string;
  state: string;
  pincode: string;
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
  location?: { name: string; address: DemoAddress };
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

/** Adds the demo location unless the organization already has one. */
async function ensureDemoLocation(
  tx: Tx,
  organizationId: string,
  location: { name: string; address: DemoAddress },
): Promise<void> {
  const existing = await locationRepository.page(tx.db, organizationId, 1, undefined);
  if (existing.length > 0) return;
  await locationRepository.insert(tx.db, {
    organizationId,
    name: location.name,
    ...location.address,
  });
}

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
    const organizationIds = new Map<OrganizationType, string>();
    let created = 0;
    for (const member of demoMembers) {
      const organization = await ensureOrganization(deps, tx, member.type, member.organization);
      organizationIds.set(member.type, organization.id);
      if (member.location) await ensureDemoLocation(tx, organization.id, member.location);
      if (!(await identityRepository.findUserByEmail(tx.db, member.email))) {
        const user = await createMember(
          deps,
          tx,
          organization,
          { email: member.email, name: member.name, password },
          member.role,
        );
        // Demo addresses receive no mail; asking to confirm them would only get in the way.
        await oneTimeTokenRepository.markEmailVerified(tx.db, user.id, member.email);
        created += 1;
      }
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
        await partnerLinkRepository.activate(tx.db, { brandId, partnerId, partnerType });
      }
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
