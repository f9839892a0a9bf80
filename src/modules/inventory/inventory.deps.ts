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
