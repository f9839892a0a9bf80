import type { MemberRole, OrganizationType } from '../access/organization-roles.js';

/** Who holds a capability: members of which organization types, in which roles, and API keys. */
export interface CapabilityRule {
  /** How the capability reads in a user interface. */
  label: string;
  /** Roles (in the caller's organization) that hold it; omitted = every member role. */
  roles?: readonly MemberRole[];
  /** Organization types that hold it; omitted = every type (`platform`: administrators). */
  organizationTypes?: readonly OrganizationType[];
  /** API keys of at least this scope hold it (`read` keys only reading ones); omitted = none. */
  apiKey?: 'read' | 'read_write';
}

const ownersAndAdmins = ['owner', 'admin'] as const;
const managers = ['owner', 'admin', 'manager'] as const;
const stockHolders = ['brand', 'distributor', 'service_center'] as const;
const partners = ['distributor', 'service_center'] as const;
/** Every organization that pays for shipping from a wallet: all but the platform itself. */
const walletHolders = ['brand', 'distributor', 'service_center', 'customer'] as const;

/**
 * What a caller may do, by name, and who may: THE authorization table. Every authenticated route
 * names the one capability it needs (`config.policy`, route-policy.ts), the route guard admits a
 * caller by its rule, and `GET /api/v1/me` lists the capabilities the caller holds by the same
 * rule — what the API allows and what clients are told can never differ. Clients show or hide
 * actions by these names instead of copying role lists. Services may refine (a brand manager may
 * not decide its network; only an owner makes owners). Closed and part of the public contract:
 * never rename one, only add.
 */
export const capabilityCatalog = {
  /** One's own account and session: `/me`, password change, sign out everywhere, switching. */
  'account.use': { label: 'Use your own account' },
  /** The organization's audit log (platform administrators: every organization's). */
  'audit.read': { label: 'Read the audit log', roles: ownersAndAdmins },
  /** Browse catalogs: one's own brand's, authorised brands' or the public one. */
  'catalog.read': { label: 'Browse parts', apiKey: 'read' },
  /** Create, edit, supersede and illustrate the brand's own parts. */
  'catalog.write': {
    label: 'Edit the catalog',
    roles: managers,
    organizationTypes: ['brand'],
    apiKey: 'read_write',
  },
  /** Import parts from CSV. */
  'catalog.import': {
    label: 'Import parts from CSV',
    roles: managers,
    organizationTypes: ['brand'],
    apiKey: 'read_write',
  },
  /** Download the brand's catalog as CSV. */
  'catalog.export': { label: 'Export the catalog', organizationTypes: ['brand'], apiKey: 'read' },
  /** Follow import jobs and download their error reports. */
  'imports.read': { label: 'Follow import jobs', apiKey: 'read' },
  /** Stock levels, movements, transfers and counts. */
  'stock.read': { label: 'See stock', organizationTypes: stockHolders, apiKey: 'read' },
  /** Adjust, transfer, count and reserve stock; set thresholds. */
  'stock.write': {
    label: 'Change stock',
    roles: managers,
    organizationTypes: stockHolders,
    apiKey: 'read_write',
  },
  /** Import stock from CSV. */
  'stock.import': {
    label: 'Import stock from CSV',
    roles: managers,
    organizationTypes: stockHolders,
    apiKey: 'read_write',
  },
  /** Download stock and movements as CSV. */
  'stock.export': { label: 'Export stock', organizationTypes: stockHolders, apiKey: 'read' },
  /** The organization's locations. */
  'locations.read': { label: 'See locations', apiKey: 'read' },
  /** Add, edit and archive locations. */
  'locations.write': { label: 'Manage locations', roles: managers, apiKey: 'read_write' },
  /** Look up a PIN code in India Post's directory (address forms fill state and city). */
  'pincodes.read': { label: 'Look up PIN codes', apiKey: 'read' },
  /** The organization's profile. */
  'organization.read': { label: 'See the organization profile', apiKey: 'read' },
  /** Edit the organization's profile (name, GSTIN, PAN). */
  'organization.edit': {
    label: 'Edit the organization profile',
    roles: ownersAndAdmins,
    apiKey: 'read_write',
  },
  /** The team's members. */
  'team.read': { label: 'See the team' },
  /** Invite, re-role and remove members; staff invitations. */
  'team.manage': { label: 'Manage the team', roles: ownersAndAdmins },
  /** Create, list and revoke API keys. */
  'api_keys.manage': { label: 'Manage API keys', roles: ownersAndAdmins },
  /** The partner network: a brand's partners, or a partner's brands. */
  'network.read': {
    label: 'See the partner network',
    organizationTypes: stockHolders,
    apiKey: 'read',
  },
  /** A brand's decisions on its network: invite, approve, reject, suspend, revoke. */
  'network.decide': {
    label: "Decide on the brand's network",
    roles: ownersAndAdmins,
    organizationTypes: ['brand'],
  },
  /** Access requests: a brand's incoming ones, a partner's own. */
  'network.requests.read': {
    label: 'See access requests',
    roles: managers,
    organizationTypes: stockHolders,
  },
  /** A distributor or service center: browse the brand directory and ask brands for access. */
  'network.request_access': {
    label: 'Ask brands for access',
    roles: managers,
    organizationTypes: partners,
  },
  /** A distributor or service center: accept a brand's invitation. */
  'network.accept_invitation': {
    label: "Accept a brand's invitation",
    roles: ownersAndAdmins,
    organizationTypes: partners,
  },
  /**
   * Tax invoices and receipt vouchers addressed to the organization, as JSON and PDF (platform
   * administrators: every organization's).
   */
  'invoices.read': { label: 'See invoices', roles: managers, apiKey: 'read' },
  /** The organization's wallet: balance, held and available, statement and its CSV. */
  'wallet.read': {
    label: 'See the wallet',
    organizationTypes: walletHolders,
    apiKey: 'read',
  },
  /** The wallet's settings: the low-balance alert threshold. */
  'wallet.manage': {
    label: 'Manage the wallet',
    roles: ownersAndAdmins,
    organizationTypes: walletHolders,
  },
  /** Top up the organization's wallet through Razorpay (create the order, verify the payment). */
  'wallet.topup': {
    label: 'Top up the wallet',
    roles: managers,
    organizationTypes: walletHolders,
  },
  /** Platform administrators: the payments reconciliation report and refunds of top-ups. */
  'payments.reconcile': {
    label: 'Reconcile payments and refund top-ups',
    roles: ownersAndAdmins,
    organizationTypes: ['platform'],
  },
  /** Platform administrators: a manual credit or debit of a wallet, with a reason (audited). */
  'ledger.adjust': {
    label: 'Adjust wallets by hand',
    roles: ownersAndAdmins,
    organizationTypes: ['platform'],
  },
  /** Platform administrators: the platform's ledger accounts and the reconciler's drift. */
  'ledger.read': {
    label: "Read the platform's ledger",
    roles: ownersAndAdmins,
    organizationTypes: ['platform'],
  },
  /** Platform administrators: every organization; suspend and reactivate. */
  'platform.organizations': {
    label: 'Administer organizations',
    roles: ownersAndAdmins,
    organizationTypes: ['platform'],
  },
  /** Price a shipment on the rate card in force (`POST /api/v1/rates/quote`). */
  'rates.quote': { label: 'Get shipping quotes', apiKey: 'read' },
  /** Platform administrators: rate card versions, markup rules, metro list, special regions. */
  'rates.manage': {
    label: 'Manage rate cards',
    roles: ownersAndAdmins,
    organizationTypes: ['platform'],
  },
} as const satisfies Record<string, CapabilityRule>;

export type Capability = keyof typeof capabilityCatalog;

export const capabilities = Object.keys(capabilityCatalog) as Capability[];

/** The rule of a capability. */
export function capabilityRule(capability: Capability): CapabilityRule {
  return capabilityCatalog[capability];
}

/** Who is asking, as far as capabilities go (a member in a role, or an API key of a scope). */
export type CapabilityHolder =
  | { kind: 'user'; organizationType: OrganizationType; role: MemberRole }
  | { kind: 'api_key'; organizationType: OrganizationType; scope: 'read' | 'read_write' };

const scopeRank = { read: 0, read_write: 1 } as const;

/** Whether `holder` holds `capability`: the one rule behind route guards and `/me`. Pure. */
export function holds(holder: CapabilityHolder, capability: Capability): boolean {
  const rule: CapabilityRule = capabilityCatalog[capability];
  if (rule.organizationTypes && !rule.organizationTypes.includes(holder.organizationType))
    return false;
  if (holder.kind === 'api_key')
    return rule.apiKey !== undefined && scopeRank[holder.scope] >= scopeRank[rule.apiKey];
  return rule.roles === undefined || rule.roles.includes(holder.role);
}

/** Every capability `holder` holds, in catalogue order. */
export function capabilitiesHeldBy(holder: CapabilityHolder): Capability[] {
  return capabilities.filter((capability) => holds(holder, capability));
}
