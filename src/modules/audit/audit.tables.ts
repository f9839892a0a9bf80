import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * Append-only audit log, written in the same transaction as the change it records. Each row's
 * `hash` covers its content and the previous row's hash, so editing or deleting a row breaks the
 * chain from there on (`spareflow audit verify`).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    position: bigserial('position', { mode: 'number' }).primaryKey(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id'),
    actorApiKeyId: uuid('actor_api_key_id'),
    organizationId: uuid('organization_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    ip: text('ip'),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    index('audit_log_organization_idx').on(table.organizationId, table.position),
    index('audit_log_entity_idx').on(table.entityType, table.entityId),
  ],
);
