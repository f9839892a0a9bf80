import { sql } from 'drizzle-orm';
import {
  check,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { organizations, users } from '../identity/identity.tables.js';

// Rate cards (ADR 0014). A version and its rows are written in one transaction and never change
// afterwards: triggers in the migration refuse UPDATE and DELETE on every table below, so a
// booking that keeps a version id can always be re-priced and explained exactly as it was.
// A change is a new version with a later (or equal) effective date; the newest version
// effective at an instant is the one in force.

/** One version of the platform's rate card and its card-wide surcharges. */
export const rateCardVersions = pgTable(
  'rate_card_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** 1, 2, 3… in creation order (an identity: a rolled-back creation may leave a gap). */
    number: integer('number').generatedAlwaysAsIdentity().notNull(),
    effectiveFrom: timestamp('effective_from', { withTimezone: true }).notNull(),
    /** The version it was edited from (null for the first). */
    basedOnId: uuid('based_on_id'),
    note: text('note').notNull().default(''),
    volumetricDivisor: integer('volumetric_divisor').notNull(),
    fuelSurchargeBps: integer('fuel_surcharge_bps').notNull(),
    codFlatPaise: integer('cod_flat_paise').notNull(),
    codPercentBps: integer('cod_percent_bps').notNull(),
    /** Null for the version the installation seeded itself. */
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('rate_card_versions_number_key').on(table.number),
    index('rate_card_versions_effective_idx').on(table.effectiveFrom, table.number),
    foreignKey({ columns: [table.basedOnId], foreignColumns: [table.id] }),
    check('rate_card_versions_divisor_check', sql`${table.volumetricDivisor} > 0`),
    check('rate_card_versions_fuel_check', sql`${table.fuelSurchargeBps} between 0 and 10000`),
    check(
      'rate_card_versions_cod_check',
      sql`${table.codFlatPaise} >= 0 and ${table.codPercentBps} between 0 and 10000`,
    ),
  ],
);

/** A service of a version (express, ground): its slab sizes. */
export const rateCardServices = pgTable(
  'rate_card_services',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => rateCardVersions.id),
    serviceType: text('service_type').notNull(),
    label: text('label').notNull(),
    /** Order in which the card lists it; the first is the default service. */
    position: integer('position').notNull(),
    firstSlabGrams: integer('first_slab_grams').notNull(),
    additionalSlabGrams: integer('additional_slab_grams').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.versionId, table.serviceType] }),
    check(
      'rate_card_services_slabs_check',
      sql`${table.firstSlabGrams} > 0 and ${table.additionalSlabGrams} > 0`,
    ),
  ],
);

/** The price of one service in one zone: first slab, then each additional slab. */
export const rateCardSlabs = pgTable(
  'rate_card_slabs',
  {
    versionId: uuid('version_id').notNull(),
    serviceType: text('service_type').notNull(),
    zone: text('zone').notNull(),
    firstSlabPaise: integer('first_slab_paise').notNull(),
    additionalSlabPaise: integer('additional_slab_paise').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.versionId, table.serviceType, table.zone] }),
    foreignKey({
      columns: [table.versionId, table.serviceType],
      foreignColumns: [rateCardServices.versionId, rateCardServices.serviceType],
    }),
    check(
      'rate_card_slabs_zone_check',
      sql`${table.zone} in ('within_city','within_state','metro_to_metro','rest_of_india','special')`,
    ),
    check(
      'rate_card_slabs_paise_check',
      sql`${table.firstSlabPaise} >= 0 and ${table.additionalSlabPaise} >= 0`,
    ),
  ],
);

/** The platform's margin per payer: brand override and/or partner type; both null = default. */
export const rateCardMarkupRules = pgTable(
  'rate_card_markup_rules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    versionId: uuid('version_id')
      .notNull()
      .references(() => rateCardVersions.id),
    brandId: uuid('brand_id').references(() => organizations.id),
    partyType: text('party_type'),
    percentBps: integer('percent_bps').notNull(),
    minimumPaise: integer('minimum_paise').notNull(),
  },
  (table) => [
    unique('rate_card_markup_rules_key')
      .on(table.versionId, table.brandId, table.partyType)
      .nullsNotDistinct(),
    check(
      'rate_card_markup_rules_party_check',
      sql`${table.partyType} is null or ${table.partyType} in ('brand','distributor','service_center','customer')`,
    ),
    check(
      'rate_card_markup_rules_amount_check',
      sql`${table.percentBps} between 0 and 10000 and ${table.minimumPaise} >= 0`,
    ),
  ],
);

/** A city counted in a metro area, for the metro-to-metro and within-city zones. */
export const rateCardMetroCities = pgTable(
  'rate_card_metro_cities',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => rateCardVersions.id),
    city: text('city').notNull(),
    metro: text('metro').notNull(),
  },
  (table) => [primaryKey({ columns: [table.versionId, table.city] })],
);

/** A state or union territory priced as the special zone, with its region's name. */
export const rateCardSpecialRegions = pgTable(
  'rate_card_special_regions',
  {
    versionId: uuid('version_id')
      .notNull()
      .references(() => rateCardVersions.id),
    state: text('state').notNull(),
    region: text('region').notNull(),
  },
  (table) => [primaryKey({ columns: [table.versionId, table.state] })],
);
