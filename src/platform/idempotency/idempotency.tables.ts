import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organizations } from '../../modules/identity/identity.tables.js';

/**
 * Results of operations called with an `Idempotency-Key` (api-v1, "(idem)"): per organization
 * and operation, the key's request hash and first result. The same key with the same body
 * replays the result; with another body it is 409 `IDEMPOTENCY_KEY_REUSED`. The row is written
 * in the operation's own transaction, so a failure halfway leaves no key behind. No HTTP status is
 * stored: the route answers a replay with the status it gives the operation's success.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    organizationId: uuid('organization_id')
      .notNull()
      .references(() => organizations.id, { onDelete: 'cascade' }),
    /** The operation's name, e.g. `inventory.adjustment` (keys are per operation). */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    requestHash: text('request_hash').notNull(),
    responseBody: jsonb('response_body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    primaryKey({ columns: [table.organizationId, table.scope, table.key] }),
    index('idempotency_keys_created_idx').on(table.createdAt),
  ],
);
