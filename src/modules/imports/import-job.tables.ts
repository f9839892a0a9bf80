import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations, users } from '../identity/identity.tables.js';

export const importKinds = ['parts', 'stock'] as const;
export type ImportKind = (typeof importKinds)[number];
export const importJobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

/**
 * One problem of an uploaded file, by spreadsheet row (the header is row 1, the first data row is
 * row 2; row 0 means the file as a whole) and column.
 */
export interface ImportRowError {
  row: number;
  column?: string;
  message: string;
}

/**
 * A bulk import and its progress (`GET /api/v1/jobs/{jobId}`). The file is kept through the
 * storage port under `sourceKey`; `checksum` (SHA-256 of the bytes) with the options makes a
 * re-upload of the same file answer the earlier job instead of importing again.
 */
export const importJobs = pgTable(
  'import_jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ImportKind>().notNull(),
    status: text('status').$type<ImportJobStatus>().notNull().default('queued'),
    /** e.g. `{ "mode": "set" | "adjust", "allOrNothing": true, "locationId": … }`. */
    options: jsonb('options')
      .$type<Record<string, unknown>>()
      .notNull()
      .default(sql`'{}'::jsonb`),
    sourceKey: text('source_key').notNull(),
    checksum: text('checksum').notNull(),
    total: integer('total'),
    processed: integer('processed').notNull().default(0),
    /**
     * What the committed batches did (counted in their transactions, so an all-or-nothing import
     * that rolled back counts nothing): parts created / updated / already equal; stock lines that
     * moved stock (`updated`) or were already at the counted figure (`unchanged`). Their sum is
     * the rows imported (`summary.succeeded`).
     */
    created: integer('created').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    /**
     * Rows with errors, exact even when `errors` keeps only the first `maxReportedErrors`: counted
     * like the figures above, in the transaction of the batch the rows belong to (so a stock
     * import that resumed after a crash still counts the rows its first attempt refused), or set
     * at once when an import fails before writing.
     */
    failed: integer('failed').notNull().default(0),
    errors: jsonb('errors')
      .$type<ImportRowError[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    createdByUserId: uuid('created_by_user_id').references(() => users.id, {
      onDelete: 'set null',
    }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (table) => [
    index('import_jobs_organization_idx').on(table.organizationId, table.createdAt),
    index('import_jobs_checksum_idx').on(table.organizationId, table.kind, table.checksum),
    check('import_jobs_kind_check', sql`${table.kind} in ('parts','stock')`),
    check(
      'import_jobs_status_check',
      sql`${table.status} in ('queued','running','succeeded','failed')`,
    ),
  ],
);
