import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  pgTable,
  pgView,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

import {
  memberRoles,
  organizationTypes,
  type MemberRole,
  type OrganizationType,
} from '../../platform/access/organization-roles.js';

export { memberRoles, organizationTypes, type MemberRole, type OrganizationType };

/** Every tenant of the platform, plus the platform operator's own organization (`type = platform`). */
export const organizations = pgTable(
  'organizations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    type: text('type').$type<OrganizationType>().notNull(),
    name: text('name').notNull(),
    legalName: text('legal_name'),
    gstin: text('gstin'),
    pan: text('pan'),
    contactEmail: text('contact_email'),
    contactPhone: text('contact_phone'),
    status: text('status').$type<'active' | 'suspended'>().notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check(
      'organizations_type_check',
      sql`${table.type} in ('platform','brand','distributor','service_center','customer')`,
    ),
    check('organizations_status_check', sql`${table.status} in ('active','suspended')`),
    // Exactly one platform organization can exist.
    uniqueIndex('organizations_single_platform')
      .on(table.type)
      .where(sql`${table.type} = 'platform'`),
  ],
);

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    email: text('email').notNull(),
    name: text('name').notNull(),
    phone: text('phone'),
    passwordHash: text('password_hash').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** Consecutive failed logins; reset on success. Drives the account lockout. */
    failedLoginCount: integer('failed_login_count').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex('users_email_unique').on(sql`lower(${table.email})`)],
);

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    role: text('role').$type<MemberRole>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.userId, table.organizationId] }),
    index('memberships_organization_idx').on(table.organizationId),
    check(
      'memberships_role_check',
      sql`${table.role} in ('owner','admin','manager','operator','viewer')`,
    ),
  ],
);

/**
 * Published for other modules to read and join (ADR 0009): who an organization is — its kind,
 * name and status — and nothing else. Other modules never name `organizations` in their SQL.
 */
export const organizationDirectory = pgView('organization_directory').as((qb) =>
  qb
    .select({
      id: organizations.id,
      type: organizations.type,
      name: organizations.name,
      status: organizations.status,
    })
    .from(organizations),
);
