import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Caller } from '../../platform/http/caller.js';
import { presentRecordActor, type RecordActor } from '../../platform/http/record-actor.js';
import { labelTargets, targetKey, type AuditNameSources } from './audit-names.js';
import { auditActionLabel, auditEntityTypeLabel } from './audit-vocabulary.js';
import { auditRepository, type AuditRow } from './audit.repository.js';

export interface AuditLogQuery {
  limit: number;
  /** The previous page's `nextCursor`. */
  cursor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  /** Entries made by this member (user id) or this API key. */
  actorUserId?: string | undefined;
  actorApiKeyId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Honoured for platform administrators only. */
  organizationId?: string | undefined;
}

export interface AuditLogItem {
  position: number;
  occurredAt: string;
  actor: RecordActor;
  organizationId: string | null;
  action: string;
  actionLabel: string;
  entityType: string;
  entityId: string;
  target: { type: string; typeLabel: string; id: string; label: string | null };
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
}

/** Cursors are opaque to callers; today one is the last position of the page, as a string. */
function parseCursor(cursor: string | undefined): number | undefined {
  if (cursor === undefined) return undefined;
  const position = /^[1-9]\d{0,15}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isSafeInteger(position)) {
    throw new AppError('VALIDATION_FAILED', {
      errors: [{ path: 'querystring.cursor', message: 'is not a cursor this API returned' }],
    });
  }
  return position;
}

/**
 * Which organization's entries the caller may read: their own, always, except for platform
 * administrators, who see every organization's (or one, if they ask for it).
 */
function organizationScope(caller: Caller, requested: string | undefined): string | null {
  if (caller.organizationType === 'platform') return requested ?? null;
  if (requested !== undefined && requested !== caller.organizationId) {
    throw new AppError('FORBIDDEN', {
      detail: "Only platform administrators may read another organization's audit log.",
    });
  }
  return caller.organizationId;
}

/**
 * One page of the audit log, newest first, scoped to what the caller may see, in words: the
 * action's label, the actor's name and the target's label. Names of people (actors, members as
 * targets) are those of the caller's organization only — a platform administrator reading
 * another organization's log sees that organization's people unnamed, as anyone outside it would.
 */
export async function listAuditLog(
  db: Db,
  names: AuditNameSources,
  caller: Caller,
  query: AuditLogQuery,
): Promise<{ items: AuditLogItem[]; nextCursor: string | null }> {
  const rows = await auditRepository.list(db, {
    organizationId: organizationScope(caller, query.organizationId),
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    actorUserId: query.actorUserId,
    actorApiKeyId: query.actorApiKeyId,
    from: query.from,
    to: query.to,
    beforePosition: parseCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const [actors, targets] = await Promise.all([
    names.actorNames(db, caller.organizationId, {
      userIds: page.map((row) => row.actorUserId),
      apiKeyIds: page.map((row) => row.actorApiKeyId),
    }),
    labelTargets(db, names.targets, page, caller.organizationId),
  ]);
  const toItem = (row: AuditRow): AuditLogItem => ({
    position: row.position,
    occurredAt: row.occurredAt.toISOString(),
    actor: presentRecordActor({ userId: row.actorUserId, apiKeyId: row.actorApiKeyId }, actors),
    organizationId: row.organizationId,
    action: row.action,
    actionLabel: auditActionLabel(row.action),
    entityType: row.entityType,
    entityId: row.entityId,
    target: {
      type: row.entityType,
      typeLabel: auditEntityTypeLabel(row.entityType),
      id: row.entityId,
      label: targets.get(targetKey(row.entityType, row.entityId)) ?? null,
    },
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    ip: row.ip,
  });
  return {
    items: page.map(toItem),
    nextCursor: rows.length > query.limit && last ? String(last.position) : null,
  };
}
