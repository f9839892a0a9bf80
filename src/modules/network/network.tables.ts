import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from '../identity/identity.tables.js';

export const partnerTypes = ['distributor', 'service_center'] as const;
export type PartnerType = (typeof partnerTypes)[number];

export const partnerLinkStatuses = ['pending', 'active', 'suspended', 'revoked'] as const;
export type PartnerLinkStatus = (typeof partnerLinkStatuses)[number];

export type AccessRequestStatus = 'pending' | 'approved' | 'rejected';

/** A brand's relationship with one distributor or service center; one row per pair. */
export const partnerLinks = pgTable(
  'partner_links',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    partnerType: text('partner_type').$type<PartnerType>().notNull(),
    status: text('status').$type<PartnerLinkStatus>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('partner_links_brand_partner_unique').on(table.brandId, table.partnerId),
    index('partner_links_partner_idx').on(table.partnerId),
    check(
      'partner_links_partner_type_check',
      sql`${table.partnerType} in ('distributor','service_center')`,
    ),
    check(
      'partner_links_status_check',
      sql`${table.status} in ('pending','active','suspended','revoked')`,
    ),
  ],
);

/** A partner asking a brand to join its network; the brand approves or rejects it once. */
export const accessRequests = pgTable(
  'access_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    message: text('message'),
    status: text('status').$type<AccessRequestStatus>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // At most one open request per pair, even under concurrent requests.
    uniqueIndex('access_requests_one_pending')
      .on(table.brandId, table.partnerId)
      .where(sql`${table.status} = 'pending'`),
    index('access_requests_brand_idx').on(table.brandId),
    check(
      'access_requests_status_check',
      sql`${table.status} in ('pending','approved','rejected')`,
    ),
  ],
);

/** A brand inviting a partner by e-mail; the token is stored only as its SHA-256 hash. */
export const partnerInvitations = pgTable(
  'partner_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    partnerType: text('partner_type').$type<PartnerType>().notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedByOrganizationId: uuid('accepted_by_organization_id').references(
      () => organizations.id,
      { onDelete: 'set null' },
    ),
    /** When it was resent within the last hour (at most `resendLimit` entries; older ones dropped). */
    resentAt: timestamp('resent_at', { withTimezone: true })
      .array()
      .notNull()
      .default(sql`'{}'`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('partner_invitations_brand_idx').on(table.brandId),
    check(
      'partner_invitations_partner_type_check',
      sql`${table.partnerType} in ('distributor','service_center')`,
    ),
  ],
);
