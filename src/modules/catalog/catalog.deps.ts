import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import type { ReadPool } from '../../platform/db/read-pool.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import type { DomainEventMap } from '../../platform/jobs/domain-events.js';
import type { StoragePort } from '../../platform/storage/storage.port.js';
import { recordAudit, type AuditAction, type AuditContext } from '../audit/index.js';
import './catalog.events.js';

/** What the catalog services need, wired in the composition root. */
export interface CatalogDeps {
  pool: pg.Pool;
  db: Db;
  /** The read pool catalog search runs on. */
  reads: ReadPool;
  events: EventBus;
  storage: StoragePort;
}

type PartEventType = 'part.created' | 'part.updated' | 'part.superseded';

/**
 * Records one catalog change: the audit entry and the domain event, in the caller's transaction,
 * so both exist exactly when the change committed.
 */
export async function recordPartChange<T extends PartEventType>(
  deps: Pick<CatalogDeps, 'events'>,
  tx: Tx,
  change: {
    audit: AuditContext;
    brandId: string;
    partId: string;
    action: AuditAction;
    before?: unknown;
    after?: unknown;
    event: T;
    payload: DomainEventMap[T];
  },
): Promise<void> {
  await recordAudit(tx, {
    ...change.audit,
    organizationId: change.brandId,
    action: change.action,
    entityType: 'part',
    entityId: change.partId,
    before: change.before,
    after: change.after,
  });
  await deps.events.publish(tx, {
    type: change.event,
    payload: change.payload,
    aggregateType: 'part',
    aggregateId: change.partId,
    organizationId: change.brandId,
    requestId: change.audit.requestId,
  });
}
