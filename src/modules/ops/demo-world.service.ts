import type { MemberRole, OrganizationType } from '../../platform/access/organization-roles.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { AuditContext } from '../audit/index.js';
import {
  brandPartIds,
  recordSubstitutes,
  recordSupersession,
  upsertBrandParts,
} from '../catalog/index.js';
import { hasUserWithEmail, type IdentityDeps } from '../identity/index.js';
import { demoCatalog, type DemoCatalog } from './demo-catalog.js';
import { ensureDemoNetwork, type DemoNetwork } from './demo-network.service.js';
import { demoOrganizations } from './demo-organizations.js';
import { recordStockHistory } from './demo-stock-history.service.js';
import { demoStockPlan } from './demo-stock-plan.js';

export interface DemoLogin {
  organization: string;
  organizationType: OrganizationType;
  role: MemberRole;
  email: string;
}

/** What a seed wrote: new accounts, and the catalog and history when it wrote them. */
export interface DemoWorldSeed {
  created: number;
  logins: DemoLogin[];
  /** Absent when the demo brand already had its catalog (the history is written with it). */
  history?: { parts: number; locations: number; movements: number; days: number };
}

/** Every demo login, owners first within each organization. */
export const demoLogins: readonly DemoLogin[] = demoOrganizations.flatMap((organization) =>
  organization.members.map((member) => ({
    organization: organization.name,
    organizationType: organization.type,
    role: member.role,
    email: member.email,
  })),
);

/** Days of stock history the demo world has. */
export const demoHistoryDays = 90;
const dayMs = 24 * 60 * 60 * 1000;
const istOffsetMs = (5 * 60 + 30) * 60 * 1000;

/** Midnight IST `days` days before today's: the history ends with yesterday. */
export function historyStart(now: Date, days: number): Date {
  const todayIst = Math.floor((now.getTime() + istOffsetMs) / dayMs) * dayMs - istOffsetMs;
  return new Date(todayIst - days * dayMs);
}

async function seedCatalogAndHistory(
  deps: IdentityDeps,
  tx: Tx,
  network: DemoNetwork,
  catalog: DemoCatalog,
  now: Date,
): Promise<DemoWorldSeed['history']> {
  const brandId = network.organizations.get('brand');
  const admin = network.users.get('rahul.menon@demo.spareflow.in');
  if (!brandId || !admin) throw new Error('the demo brand and its admin come first');
  const numbers = catalog.parts.map((part) => part.partNumber);
  await upsertBrandParts(tx, brandId, catalog.parts);
  const parts = await brandPartIds(tx, brandId, numbers);
  const id = (partNumber: string) => {
    const found = parts.get(partNumber);
    if (!found) throw new Error(`demo part ${partNumber} was not written`);
    return found;
  };
  const audit: AuditContext = { actor: { userId: admin }, requestId: 'demo-world', ip: null };
  for (const { partNumber, replacementPartNumber } of catalog.supersessions)
    await recordSupersession(
      tx,
      deps.events,
      brandId,
      id(partNumber),
      id(replacementPartNumber),
      audit,
    );
  for (const [first, second] of catalog.substitutes)
    await recordSubstitutes(tx, deps.events, brandId, id(first), [id(second)], audit);
  const plan = demoStockPlan({
    organizations: demoOrganizations,
    parts: catalog.parts,
    start: historyStart(now, demoHistoryDays),
    days: demoHistoryDays,
  });
  const movements = await recordStockHistory(tx, deps.events, { ...network, parts }, plan);
  return { parts: parts.size, locations: network.locations.size, movements, days: demoHistoryDays };
}

/**
 * Seeds the demo world in one transaction: its organizations, members, locations and partner
 * links (identity, locations, network), then — when the demo brand has none of its parts yet —
 * the catalog with supersessions and substitutes (catalog) and 90 days of stock history ending
 * yesterday (inventory), all through those modules' public services, audited. Idempotent: a
 * second seed creates nothing and changes nothing but a suspended demo partnership. The
 * password is generated per data folder by the caller and shared by the demo logins. Refused in
 * production.
 */
export async function seedDemoWorld(
  deps: IdentityDeps & { isProduction: boolean },
  password: string,
  options: { now?: Date } = {},
): Promise<DemoWorldSeed> {
  if (deps.isProduction)
    throw new Error('The demo world is never seeded when NODE_ENV=production.');
  const catalog = demoCatalog();
  return inTransaction(deps.pool, async (tx) => {
    const network = await ensureDemoNetwork(deps, tx, password);
    const brandId = network.organizations.get('brand') ?? '';
    const existing = await brandPartIds(
      tx,
      brandId,
      catalog.parts.map((part) => part.partNumber),
    );
    const history =
      existing.size === 0
        ? await seedCatalogAndHistory(deps, tx, network, catalog, options.now ?? new Date())
        : undefined;
    return { created: network.created, logins: [...demoLogins], ...(history ? { history } : {}) };
  });
}

/**
 * True once the demo world of this version exists: its last account (the customer's) is made in
 * the seed's one transaction, so one cheap lookup answers. A data folder seeded by an older
 * version (without it) is completed by the next first-start check or `spareflow seed --demo`.
 */
export async function isDemoWorldSeeded(deps: Pick<IdentityDeps, 'db'>): Promise<boolean> {
  const last = demoLogins.at(-1);
  return last !== undefined && (await hasUserWithEmail(deps.db, last.email));
}
