import crypto from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { recordAudit, type AuditEntry } from '../../../src/modules/audit/audit.service.js';
import type { AuditAction } from '../../../src/modules/audit/audit-vocabulary.js';
import type { Db } from '../../../src/platform/db/database.js';
import * as schema from '../../../src/platform/db/schema.js';
import { inTransaction, type Tx } from '../../../src/platform/db/transaction.js';

/**
 * An action outside the labelled catalogue: chain tests record made-up verbs on purpose (and an
 * entry written before its action was labelled must still list and verify).
 */
export const testAction = (name: string) => name as AuditAction;

/** A plausible entry; `index` makes each one distinct. */
export function sampleEntry(index: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: { userId: null, apiKeyId: null },
    organizationId: null,
    action: testAction('test.changed'),
    entityType: 'widget',
    entityId: `widget-${index}`,
    before: { count: index },
    after: { count: index + 1 },
    requestId: `req-${index}`,
    ip: '127.0.0.1',
    ...overrides,
  };
}

/** A fresh organization id (audit entries do not reference the organizations table). */
export const newOrganizationId = () => crypto.randomUUID();

/** Records entries one committed transaction each, in order. */
export async function recordCommitted(pool: pg.Pool, entries: AuditEntry[]): Promise<void> {
  for (const entry of entries) await inTransaction(pool, (tx) => recordAudit(tx, entry));
}

/**
 * Runs SQL with every trigger of the audit tables disabled (append-only, forward-only heads), as
 * a superuser tampering with them would.
 */
export async function withoutTrigger(pool: pg.Pool, statement: string): Promise<void> {
  const tables = ['audit_log', 'audit_chain_heads', 'audit_checkpoints'];
  const client = await pool.connect();
  try {
    for (const table of tables) await client.query(`alter table ${table} disable trigger user`);
    await client.query(statement);
  } finally {
    for (const table of tables) await client.query(`alter table ${table} enable trigger user`);
    client.release();
  }
}

/** Positions of every entry, in position order (optionally of one chain only). */
export async function positions(pool: pg.Pool, chain?: string): Promise<number[]> {
  const { rows } = await pool.query<{ position: string }>(
    `select position from audit_log ${chain ? 'where chain = $1' : ''} order by position`,
    chain ? [chain] : [],
  );
  return rows.map((row) => Number(row.position));
}

/** An audited transaction left open (not committed) until the test ends it. */
export interface OpenTransaction {
  tx: Tx;
  pid: number;
  commit(): Promise<void>;
  rollback(): Promise<void>;
}

/** Begins a transaction on its own connection and records `entries` in it, without committing. */
export async function openAuditedTransaction(
  pool: pg.Pool,
  entries: AuditEntry[],
): Promise<OpenTransaction> {
  const client = await pool.connect();
  const end = async (statement: string) => {
    try {
      await client.query(statement);
    } finally {
      client.release();
    }
  };
  await client.query('begin');
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const tx: Tx = { client, db: drizzle(client, { schema }) as unknown as Db };
  for (const entry of entries) await recordAudit(tx, entry);
  return {
    tx,
    pid: rows[0]!.pid,
    commit: () => end('commit'),
    rollback: () => end('rollback'),
  };
}

/** Backends currently waiting for a lock `pid` holds. */
export async function blockedBy(pool: pg.Pool, pid: number): Promise<number[]> {
  const { rows } = await pool.query<{ pid: number }>(
    'select pid from pg_stat_activity where $1 = any(pg_blocking_pids(pid))',
    [pid],
  );
  return rows.map((row) => row.pid);
}

/** Each chain's entries as `sequence:previous_hash→hash` checks need them, in sequence order. */
export async function chainRows(
  pool: pg.Pool,
  chain: string,
): Promise<
  { position: number; sequence: number; previousHash: string; hash: string; entityId: string }[]
> {
  const { rows } = await pool.query<{
    position: string;
    sequence: string;
    previous_hash: string;
    hash: string;
    entity_id: string;
  }>(
    'select position, sequence, previous_hash, hash, entity_id from audit_log where chain = $1 order by sequence',
    [chain],
  );
  return rows.map((row) => ({
    position: Number(row.position),
    sequence: Number(row.sequence),
    previousHash: row.previous_hash,
    hash: row.hash,
    entityId: row.entity_id,
  }));
}
