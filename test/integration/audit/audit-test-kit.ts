import type pg from 'pg';
import { recordAudit, type AuditEntry } from '../../../src/modules/audit/audit.service.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';

/** A plausible entry; `index` makes each one distinct. */
export function sampleEntry(index: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: { userId: null, apiKeyId: null },
    organizationId: null,
    action: 'test.changed',
    entityType: 'widget',
    entityId: `widget-${index}`,
    before: { count: index },
    after: { count: index + 1 },
    requestId: `req-${index}`,
    ip: '127.0.0.1',
    ...overrides,
  };
}

/** Records entries one committed transaction each, in order. */
export async function recordCommitted(pool: pg.Pool, entries: AuditEntry[]): Promise<void> {
  for (const entry of entries) await inTransaction(pool, (tx) => recordAudit(tx, entry));
}

/** Runs SQL with the append-only trigger disabled, as a superuser tampering with the table would. */
export async function withoutTrigger(pool: pg.Pool, statement: string): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('alter table audit_log disable trigger audit_log_no_update_or_delete');
    await client.query(statement);
  } finally {
    await client.query('alter table audit_log enable trigger audit_log_no_update_or_delete');
    client.release();
  }
}

export async function positions(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ position: string }>(
    'select position from audit_log order by position',
  );
  return rows.map((row) => Number(row.position));
}
