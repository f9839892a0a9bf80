import { and, asc, eq, gt, ilike, ne, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { organizations, type OrganizationType } from './identity.tables.js';

export type OrganizationStatus = 'active' | 'suspended';

export interface OrganizationSummary {
  id: string;
  type: OrganizationType;
  name: string;
  status: OrganizationStatus;
  createdAt: Date;
}

export interface OrganizationFilter {
  type?: OrganizationType | undefined;
  status?: OrganizationStatus | undefined;
  q?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

const summaryColumns = {
  id: organizations.id,
  type: organizations.type,
  name: organizations.name,
  status: organizations.status,
  createdAt: organizations.createdAt,
};

/** Escapes `%`, `_` and `\` so a search term matches literally inside an ILIKE pattern. */
function likeTerm(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Every tenant organization, as platform administrators see them (never the platform itself). */
export const platformOrganizationRepository = {
  /** One page ordered by id; fetches `limit + 1` rows (see `toPage`). */
  async list(db: Db, filter: OrganizationFilter): Promise<OrganizationSummary[]> {
    const conditions: SQL[] = [ne(organizations.type, 'platform')];
    if (filter.type) conditions.push(eq(organizations.type, filter.type));
    if (filter.status) conditions.push(eq(organizations.status, filter.status));
    if (filter.q) conditions.push(ilike(organizations.name, likeTerm(filter.q)));
    if (filter.cursor) conditions.push(gt(organizations.id, filter.cursor));
    return db
      .select(summaryColumns)
      .from(organizations)
      .where(and(...conditions))
      .orderBy(asc(organizations.id))
      .limit(filter.limit + 1);
  },

  async findForUpdate(db: Db, id: string): Promise<OrganizationSummary | undefined> {
    const [row] = await db
      .select(summaryColumns)
      .from(organizations)
      .where(eq(organizations.id, id))
      .for('update')
      .limit(1);
    return row;
  },

  async setStatus(db: Db, id: string, status: OrganizationStatus): Promise<void> {
    await db.update(organizations).set({ status }).where(eq(organizations.id, id));
  },
};
