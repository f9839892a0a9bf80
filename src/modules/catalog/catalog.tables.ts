import { sql } from 'drizzle-orm';
import {
  bigint,
  check,
  customType,
  index,
  integer,
  pgTable,
  pgView,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { organizations } from '../identity/identity.tables.js';

export const partStatuses = ['draft', 'active', 'discontinued'] as const;
export type PartStatus = (typeof partStatuses)[number];

/** PostgreSQL's `tsvector`; only ever written by the database (generated column). */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * A brand's spare part. The part number is unique within the brand, case-insensitively.
 * `searchDocument` is the text search runs over (part number, name, description, category and
 * compatible models, kept by the repository on every write): trigram indexes make it typo-tolerant,
 * the generated `searchVector` ranks whole-word matches.
 */
export const parts = pgTable(
  'parts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    brandId: uuid('brand_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    partNumber: text('part_number').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    category: text('category'),
    /** HSN code (4, 6 or 8 digits) for GST invoices. */
    hsnCode: text('hsn_code'),
    /** GST rate in basis points (1800 = 18 %). */
    gstRateBasisPoints: integer('gst_rate_basis_points'),
    unitPricePaise: bigint('unit_price_paise', { mode: 'number' }).notNull(),
    mrpPaise: bigint('mrp_paise', { mode: 'number' }),
    weightGrams: integer('weight_grams').notNull(),
    lengthCm: integer('length_cm').notNull(),
    widthCm: integer('width_cm').notNull(),
    heightCm: integer('height_cm').notNull(),
    compatibleModels: text('compatible_models')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: text('status').$type<PartStatus>().notNull().default('active'),
    /** Supersession: this part is replaced by that one (lookups and ordering follow the chain). */
    supersededByPartId: uuid('superseded_by_part_id').references((): AnyPgColumn => parts.id, {
      onDelete: 'set null',
    }),
    searchDocument: text('search_document').notNull(),
    searchVector: tsvector('search_vector')
      .notNull()
      .generatedAlwaysAs(sql`to_tsvector('simple'::regconfig, search_document)`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex('parts_brand_part_number_unique').on(
      table.brandId,
      sql`lower(${table.partNumber})`,
    ),
    /** Part-number prefix search: `lower(part_number) COLLATE "C" LIKE 'x%'` is a range scan. */
    index('parts_brand_part_number_prefix_idx').on(
      table.brandId,
      sql`(lower(${table.partNumber}) COLLATE "C")`,
    ),
    index('parts_brand_status_idx').on(table.brandId, table.status, table.partNumber),
    index('parts_part_number_trgm_idx').using('gin', sql`lower(${table.partNumber}) gin_trgm_ops`),
    index('parts_search_document_trgm_idx').using(
      'gin',
      sql`lower(${table.searchDocument}) gin_trgm_ops`,
    ),
    index('parts_search_vector_idx').using('gin', table.searchVector),
    index('parts_superseded_by_idx').on(table.supersededByPartId),
    check('parts_status_check', sql`${table.status} in ('draft','active','discontinued')`),
    check(
      'parts_amounts_check',
      sql`${table.unitPricePaise} >= 0 and (${table.mrpPaise} is null or ${table.mrpPaise} >= 0)`,
    ),
    check(
      'parts_dimensions_check',
      sql`${table.weightGrams} > 0 and ${table.lengthCm} > 0 and ${table.widthCm} > 0 and ${table.heightCm} > 0`,
    ),
    check(
      'parts_gst_rate_check',
      sql`${table.gstRateBasisPoints} is null or ${table.gstRateBasisPoints} between 0 and 10000`,
    ),
    check('parts_not_superseded_by_itself', sql`${table.supersededByPartId} <> ${table.id}`),
  ],
);

/** Interchangeable parts (either may be fitted instead of the other), within one brand. */
export const partSubstitutes = pgTable(
  'part_substitutes',
  {
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    substitutePartId: uuid('substitute_part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.partId, table.substitutePartId] }),
    check('part_substitutes_distinct', sql`${table.partId} <> ${table.substitutePartId}`),
  ],
);

/** Images of a part, stored through the storage port (a local folder by default). */
export const partImages = pgTable(
  'part_images',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partId: uuid('part_id')
      .notNull()
      .references(() => parts.id, { onDelete: 'cascade' }),
    storageKey: text('storage_key').notNull().unique(),
    contentType: text('content_type').notNull(),
    byteSize: integer('byte_size').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index('part_images_part_idx').on(table.partId, table.createdAt)],
);

/**
 * Per-brand dictionary of the words parts are found by (`searchTermsOf()`: words of the search
 * document, whole part and model numbers). Search corrects a query word that is not a term to the
 * nearest terms (trigram index on `term`), then runs full-text search with them: a GIN scan of a
 * few hundred thousand short words is much cheaper than a trigram scan of every part's document.
 * Writers add terms and never delete them (a stale term only costs a correction that matches nothing).
 */
export const partSearchTerms = pgTable(
  'part_search_terms',
  {
    brandId: uuid('brand_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    term: text('term').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.brandId, table.term] }),
    // Only all-letter terms are corrected by similarity (part-search-query.ts): part and model
    // numbers, most of the dictionary, stay out of the trigram index, which keeps imports cheap.
    index('part_search_terms_term_trgm_idx')
      .using('gin', sql`${table.term} gin_trgm_ops`)
      .where(sql`${table.term} ~ '^[a-z]+$'`),
  ],
);

/**
 * Published for other modules to read and join (ADR 0009): a part's identity — its brand, number,
 * name and status — and its list price (`unit_price_paise`: inventory values stock received
 * without a cost at it). Other prices, dimensions and search columns stay with the catalog.
 */
export const partDirectory = pgView('part_directory').as((qb) =>
  qb
    .select({
      id: parts.id,
      brandId: parts.brandId,
      partNumber: parts.partNumber,
      name: parts.name,
      status: parts.status,
      unitPricePaise: parts.unitPricePaise,
    })
    .from(parts),
);
