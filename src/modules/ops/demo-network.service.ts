import type { Tx } from '../../platform/db/transaction.js';
import {
  ensureOrganization,
  ensureVerifiedMember,
  sharedPasswordHash,
  type IdentityDeps,
} from '../identity/index.js';
import { ensureLocations } from '../locations/index.js';
import { ensureActivePartnerLink } from '../network/index.js';
import { demoOrganizations, demoPartnerKeys } from './demo-organizations.js';

/** The ids of the demo network in this database, by the keys and e-mails of its description. */
export interface DemoNetwork {
  /** Organization key → id. */
  organizations: Map<string, string>;
  /** Location key → its organization's id. */
  organizationOf: Map<string, string>;
  /** Location key → location id. */
  locations: Map<string, string>;
  /** E-mail → user id. */
  users: Map<string, string>;
  /** Accounts created by this seed. */
  created: number;
}

/**
 * The demo organizations, their members (verified, one shared password hashed once) and
 * locations, and the brand's active partner links — in the caller's transaction, through the
 * public services of identity, locations and network. What exists is kept as it is (an account or
 * location is never rewritten); a demo partnership someone suspended is active again.
 */
export async function ensureDemoNetwork(
  deps: IdentityDeps,
  tx: Tx,
  password: string,
): Promise<DemoNetwork> {
  const passwordHash = sharedPasswordHash(password);
  const network: DemoNetwork = {
    organizations: new Map(),
    organizationOf: new Map(),
    locations: new Map(),
    users: new Map(),
    created: 0,
  };
  for (const spec of demoOrganizations) {
    const organization = await ensureOrganization(deps, tx, spec.type, spec.name);
    network.organizations.set(spec.key, organization.id);
    for (const member of spec.members) {
      const { name, email, role } = member;
      const account = await ensureVerifiedMember(
        deps,
        tx,
        organization,
        { name, email },
        role,
        passwordHash,
      );
      network.users.set(email, account.userId);
      if (account.created) network.created += 1;
    }
    const ids = await ensureLocations(
      tx,
      organization.id,
      spec.locations.map(({ name, address }) => ({ name, address })),
    );
    for (const location of spec.locations) {
      const id = ids.get(location.name);
      if (!id) throw new Error(`demo location ${location.name} was not created`);
      network.locations.set(location.key, id);
      network.organizationOf.set(location.key, organization.id);
    }
  }
  const brandId = network.organizations.get('brand');
  for (const key of demoPartnerKeys) {
    const partnerId = network.organizations.get(key);
    const partnerType = demoOrganizations.find((spec) => spec.key === key)?.type;
    if (
      !brandId ||
      !partnerId ||
      (partnerType !== 'distributor' && partnerType !== 'service_center')
    )
      throw new Error(`demo partner ${key} is not a distributor or service centre`);
    await ensureActivePartnerLink(tx, { brandId, partnerId, partnerType });
  }
  return network;
}
