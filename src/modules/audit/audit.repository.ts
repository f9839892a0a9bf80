import { and, asc, desc, eq, gte, lt, lte, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { auditLog } from './audit.tables.js';

export type AuditRow = typeof auditLog.$inferSelect;

export interface AuditFilters {
  /** `null` = every organization (platform administrators only); the caller decides, never a param. */
  organizationId: string | null;
  action?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  actorUserId?: string | undefined;
  actorApiKeyId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Rows strictly older (smaller position) than this one: the previous page's last position. */
  beforePosition?: number | undefined;
  limit: number;
}

/** Reads of the append-only audit log; it is only ever written by `recordAudit`. */
export const auditRepository = {
  /**
   * One batch of every chain's entries in (chain, sequence) order, after `after` (keyset
   * pagination on the chains' unique index; `null` = from the start).
   */
  async chainBatch(
    db: Db,
    after: { chain: string; sequence: number } | null,
    limit: number,
  ): Promise<AuditRow[]> {
    return db
      .select()
      .from(auditLog)
      .where(
        after === null
          ? undefined
          : sql`(${auditLog.chain}, ${auditLog.sequence}) > (${after.chain}, ${after.sequence})`,
      )
      .orderBy(asc(auditLog.chain), asc(auditLog.sequence))
      .limit(limit);
  },

  /** Entries matching the filters, newest first, at most `limit` of them. */
  async list(db: Db, filters: AuditFilters): Promise<AuditRow[]> {
    const conditions: SQL[] = [];
    if (filters.organizationId !== null)
      conditions.push(eq(auditLog.organizationId, filters.organizationId));
    if (filters.action !== undefined) conditions.push(eq(auditLog.action, filters.action));
    if (filters.entityType !== undefined)
      conditions.push(eq(auditLog.entityType, filters.entityType));
    if (filters.entityId !== undefined) conditions.push(eq(auditLog.entityId, filters.entityId));
    if (filters.actorUserId !== undefined)
      conditions.push(eq(auditLog.actorUserId, filters.actorUserId));
    if (filters.actorApiKeyId !== undefined)
      conditions.push(eq(auditLog.actorApiKeyId, filters.actorApiKeyId));
    if (filters.from !== undefined) conditions.push(gte(auditLog.occurredAt, filters.from));
    if (filters.to !== undefined) conditions.push(lte(auditLog.occurredAt, filters.to));
    if (filters.beforePosition !== undefined)
      conditions.push(lt(auditLog.position, filters.beforePosition));
    return db
      .select()
      .from(auditLog)
      .where(and(...conditions))
      .orderBy(desc(auditLog.position))
      .limit(filters.limit);
  },
};
