import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import type { Tx } from '../../platform/db/transaction.js';
import type { DomainEventMap, EventBus } from '../../platform/jobs/domain-events.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import type { EmailOutbox } from '../notifications/index.js';
import './network.events.js';

export interface NetworkDeps {
  pool: pg.Pool;
  db: Db;
  events: EventBus;
  /** How invitation tokens reach invitees: an e-mail enqueued with the invitation itself. */
  invitations: {
    emailMode: 'live' | 'sandbox';
    appUrl: string | undefined;
    /** The links' origin without `APP_URL` or a request: `http://localhost:PORT`. */
    fallbackOrigin: string;
    outbox: EmailOutbox;
  };
}

type NetworkEventType = Extract<keyof DomainEventMap, `partner.${string}`>;

/** One audited, published change: the audit entry and the domain event share the transaction. */
export async function recordNetworkChange<T extends NetworkEventType>(
  deps: NetworkDeps,
  tx: Tx,
  change: {
    audit: AuditContext;
    organizationId: string;
    entityType: 'access_request' | 'partner_invitation' | 'partner_link';
    entityId: string;
    before?: unknown;
    after: unknown;
    event: T;
    payload: DomainEventMap[T];
  },
): Promise<void> {
  await recordAudit(tx, {
    ...change.audit,
    organizationId: change.organizationId,
    action: change.event,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before,
    after: change.after,
  });
  await deps.events.publish(tx, {
    type: change.event,
    payload: change.payload,
    aggregateType: change.entityType,
    aggregateId: change.entityId,
    organizationId: change.organizationId,
    requestId: change.audit.requestId,
  });
}
