import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import {
  memberships,
  organizations,
  users,
  type MemberRole,
  type OrganizationType,
} from './identity.tables.js';

export type Organization = typeof organizations.$inferSelect;
export type User = typeof users.$inferSelect;

/** Data access for organizations, users and memberships. Callers pass the transaction's `db`. */
export const identityRepository = {
  async findOrganizationByType(db: Db, type: OrganizationType): Promise<Organization | undefined> {
    const [row] = await db
      .select()
      .from(organizations)
      .where(eq(organizations.type, type))
      .limit(1);
    return row;
  },

  async findOrganizationByName(
    db: Db,
    type: OrganizationType,
    name: string,
  ): Promise<Organization | undefined> {
    const [row] = await db
      .select()
      .from(organizations)
      .where(and(eq(organizations.type, type), eq(organizations.name, name)))
      .limit(1);
    return row;
  },

  async insertOrganization(
    db: Db,
    values: { type: OrganizationType; name: string; gstin?: string | null },
  ): Promise<Organization> {
    const [row] = await db.insert(organizations).values(values).returning();
    if (!row) throw new Error('organization insert returned nothing');
    return row;
  },

  async findUserByEmail(db: Db, email: string): Promise<User | undefined> {
    const [row] = await db
      .select()
      .from(users)
      .where(sql`lower(${users.email}) = lower(${email})`)
      .limit(1);
    return row;
  },

  async insertUser(
    db: Db,
    values: { email: string; name: string; phone?: string | null; passwordHash: string },
  ): Promise<User> {
    const [row] = await db.insert(users).values(values).returning();
    if (!row) throw new Error('user insert returned nothing');
    return row;
  },

  async upsertMembership(
    db: Db,
    values: { userId: string; organizationId: string; role: MemberRole },
  ): Promise<void> {
    await db
      .insert(memberships)
      .values(values)
      .onConflictDoUpdate({
        target: [memberships.userId, memberships.organizationId],
        set: { role: values.role },
      });
  },

  async countPlatformAdmins(db: Db): Promise<number> {
    const [row] = await db
      .select({ count: sql<number>`count(*)::int` })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(organizations.type, 'platform'));
    return row?.count ?? 0;
  },
};
