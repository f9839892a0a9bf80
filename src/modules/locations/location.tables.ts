import { index, pgTable, pgView, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../identity/identity.tables.js';

/** Pickup and return addresses of an organization (warehouses, service desks, shops). */
export const locations = pgTable(
  'locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    contactName: text('contact_name').notNull(),
    /** Normalised to `+91` followed by 10 digits. */
    phone: text('phone').notNull(),
    line1: text('line1').notNull(),
    line2: text('line2'),
    city: text('city').notNull(),
    state: text('state').notNull(),
    pincode: text('pincode').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** The last edit (or the creation); archiving sets it too. */
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * Set when the location was archived: gone from lists and pickers, refused by stock
     * operations, while its movements and levels keep pointing at it. Never cleared.
     */
    archivedAt: timestamp('archived_at', { withTimezone: true }),
  },
  (table) => [index('locations_organization_idx').on(table.organizationId, table.createdAt)],
);

/**
 * Published for other modules to read and join (ADR 0009): whose a location is, what it is
 * called, its city (two locations of one name are told apart by it) and whether it is archived
 * (`archived_at` not null: keep it out of pickers and refuse stock there). Addresses and
 * contacts stay with this module (its service hands them out).
 */
export const locationDirectory = pgView('location_directory').as((qb) =>
  qb
    .select({
      id: locations.id,
      organizationId: locations.organizationId,
      name: locations.name,
      archivedAt: locations.archivedAt,
      city: locations.city,
    })
    .from(locations),
);
