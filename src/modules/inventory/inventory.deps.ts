import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import type { AuditContext } from '../audit/index.js';
import type { StockChange } from './stock-ledger.js';

/** What the inventory services need from the composition root. */
export interface InventoryDeps {
  pool: pg.Pool;
  db: Db;
  events: EventBus;
}

/** The ledger's actor of a request (user or API key), from its audit context. */
export function ledgerActor(audit: AuditContext): StockChange['actor'] {
  const actor: StockChange['actor'] = {};
  if (audit.actor.userId) actor.userId = audit.actor.userId;
  if (audit.actor.apiKeyId) actor.apiKeyId = audit.actor.apiKeyId;
  return actor;
}

/**
 * When an operation recorded in the caller's transaction happened, if not now. Only the demo
 * world's history passes it (its movements are spread over past days); routes never do.
 */
export interface OccurredAt {
  occurredAt?: Date;
}

/** The audit entry's note of a dated operation: the entry itself is written now. */
export function occurredAtOf(options: OccurredAt): { occurredAt?: string } {
  return options.occurredAt ? { occurredAt: options.occurredAt.toISOString() } : {};
}
