import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Caller } from '../../platform/http/caller.js';
import { auditRepository, type AuditRow } from './audit.repository.js';

export interface AuditLogQuery {
  limit: number;
  /** The previous page's `nextCursor`. */
  cursor?: string | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Honoured for platform administrators only. */
  organizationId?: string | undefined;
}

export interface AuditLogItem {
  position: number;
  occurredAt: string;
  actor: { userId: string | null; apiKeyId: string | null };
  organizationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
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

function toItem(row: AuditRow): AuditLogItem {
  return {
    position: row.position,
    occurredAt: row.occurredAt.toISOString(),
    actor: { userId: row.actorUserId, apiKeyId: row.actorApiKeyId },
    organizationId: row.organizationId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    before: row.before ?? null,
    after: row.after ?? null,
    requestId: row.requestId,
    ip: row.ip,
  };
}

/** One page of the audit log, newest first, scoped to what the caller may see. */
export async function listAuditLog(
  db: Db,
  caller: Caller,
  query: AuditLogQuery,
): Promise<{ items: AuditLogItem[]; nextCursor: string | null }> {
  const rows = await auditRepository.list(db, {
    organizationId: organizationScope(caller, query.organizationId),
    action: query.action,
    entityType: query.entityType,
    entityId: query.entityId,
    from: query.from,
    to: query.to,
    beforePosition: parseCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(toItem),
    nextCursor: rows.length > query.limit && last ? String(last.position) : null,
  };
}
