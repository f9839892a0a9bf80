import { sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  check,
  index,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

/**
 * Append-only audit log, written in the same transaction as the change it records. Entries form
 * one hash chain per organization (`org:<id>`), one for platform events (`platform`: no
 * organization) and the frozen `legacy` chain of the entries written before chains were split
 * (ADR 0008). Each entry's `hash` covers its content (chain and sequence included) and the
 * previous entry's hash in its chain, so editing or deleting an entry breaks the chain from there
 * on (`spareflow audit verify`). `position` is global and is what the API shows and pages by.
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
    /** `org:<organization id>`, `platform` or `legacy`. */
    chain: text('chain').notNull(),
    /** 1, 2, 3… within the chain, without gaps. */
    sequence: bigint('sequence', { mode: 'number' }).notNull(),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (table) => [
    index('audit_log_organization_idx').on(table.organizationId, table.position),
    index('audit_log_entity_idx').on(table.entityType, table.entityId),
    uniqueIndex('audit_log_chain_sequence_unique').on(table.chain, table.sequence),
    // The chain follows from the organization; only entries of before the split are `legacy`.
    check(
      'audit_log_chain_of_organization',
      sql`${table.chain} = 'legacy' or ${table.chain} = coalesce('org:' || ${table.organizationId}::text, 'platform')`,
    ),
    check('audit_log_sequence_positive', sql`${table.sequence} >= 1`),
  ],
);

/**
 * The newest entry of each chain. Appending locks the chain's row (`for update`), so appends to one
 * chain are strictly ordered while other chains go on; a trigger lets it only move forward one
 * entry at a time, so it also serves as a live checkpoint of the chain's tail.
 */
export const auditChainHeads = pgTable('audit_chain_heads', {
  chain: text('chain').primaryKey(),
  /** The newest entry's sequence (0: none yet). */
  sequence: bigint('sequence', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export const auditCheckpointSources = ['migration', 'schedule', 'verify'] as const;
export type AuditCheckpointSource = (typeof auditCheckpointSources)[number];

/**
 * Append-only record of chain heads seen at a moment (daily job, `spareflow audit verify`, the
 * migration that split the chains). The entry a checkpoint names must still exist with the same
 * hash: that is how a deleted tail is detected.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    chain: text('chain').notNull(),
    sequence: bigint('sequence', { mode: 'number' }).notNull(),
    hash: text('hash').notNull(),
    source: text('source').$type<AuditCheckpointSource>().notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('audit_checkpoints_chain_idx').on(table.chain, table.sequence),
    check(
      'audit_checkpoints_source_check',
      sql`${table.source} in ('migration','schedule','verify')`,
    ),
  ],
);
