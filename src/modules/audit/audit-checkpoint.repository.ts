import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import type { AuditCheckpointSource } from './audit.tables.js';

/** A recorded head of a chain: the entry at `sequence` had `hash`. */
export interface ChainCheckpoint {
  chain: string;
  sequence: number;
  hash: string;
}

/** A checkpoint found outside the database: a line of the application log (the witness). */
export interface WitnessCheckpoint extends ChainCheckpoint {
  recordedAt: Date;
}

/**
 * A checkpoint (a chain head: source `head`; a logged one: `witness`) whose entry is gone or has
 * another hash now.
 */
export interface CheckpointMismatch extends ChainCheckpoint {
  source: AuditCheckpointSource | 'head' | 'witness';
  recordedAt: Date;
  /** The entry now at that sequence, if any. */
  found: { position: number; hash: string } | null;
}

interface CheckpointRow extends Record<string, unknown> {
  chain: string;
  sequence: string;
  hash: string;
}

const toCheckpoint = (row: CheckpointRow): ChainCheckpoint => ({
  chain: row.chain,
  sequence: Number(row.sequence),
  hash: row.hash,
});

/** Checkpoints of the audit chains (append-only) and their comparison with the log. */
export const auditCheckpointRepository = {
  /**
   * Every checkpoint, chain head and witness whose entry is missing or differs, in one statement
   * (one snapshot: a head and its entry are committed together, so a live chain never shows here).
   */
  async mismatches(
    db: Db,
    witnesses: readonly WitnessCheckpoint[] = [],
  ): Promise<CheckpointMismatch[]> {
    const { rows } = await db.execute<
      CheckpointRow & {
        source: CheckpointMismatch['source'];
        recorded_at: Date | string;
        position: string | null;
        found_hash: string | null;
      }
    >(sql`
      select c.chain, c.sequence::text as sequence, c.hash, c.source, c.recorded_at,
             a.position::text as position, a.hash as found_hash
        from (select chain, sequence, hash, source, recorded_at from audit_checkpoints
              union all
              select chain, sequence, hash, 'head', updated_at from audit_chain_heads
               where sequence > 0
              union all
              select chain, sequence, hash, 'witness', recorded_at
                from unnest(${sql.param(witnesses.map((w) => w.chain))}::text[],
                            ${sql.param(witnesses.map((w) => w.sequence))}::bigint[],
                            ${sql.param(witnesses.map((w) => w.hash))}::text[],
                            ${sql.param(witnesses.map((w) => w.recordedAt.toISOString()))}::timestamptz[])
                     as w(chain, sequence, hash, recorded_at)) as c
        left join audit_log a on a.chain = c.chain and a.sequence = c.sequence
       where a.hash is distinct from c.hash
       order by c.chain, c.sequence`);
    return rows.map((row) => ({
      ...toCheckpoint(row),
      source: row.source,
      recordedAt: new Date(row.recorded_at),
      found:
        row.position === null || row.found_hash === null
          ? null
          : { position: Number(row.position), hash: row.found_hash },
    }));
  },

  /** Checkpoints every chain head that moved since its chain's newest checkpoint. */
  async checkpointHeads(db: Db, source: AuditCheckpointSource): Promise<ChainCheckpoint[]> {
    const { rows } = await db.execute<CheckpointRow>(sql`
      insert into audit_checkpoints (chain, sequence, hash, source)
      select h.chain, h.sequence, h.hash, ${source}
        from audit_chain_heads h
       where h.sequence > coalesce((select max(c.sequence) from audit_checkpoints c
                                     where c.chain = h.chain), 0)
       order by h.chain
      returning chain, sequence::text as sequence, hash`);
    return rows.map(toCheckpoint);
  },

  /** Checkpoints the given entries, each only if it is newer than its chain's newest checkpoint. */
  async checkpoint(
    db: Db,
    entries: readonly ChainCheckpoint[],
    source: AuditCheckpointSource,
  ): Promise<ChainCheckpoint[]> {
    if (entries.length === 0) return [];
    const { rows } = await db.execute<CheckpointRow>(sql`
      insert into audit_checkpoints (chain, sequence, hash, source)
      select v.chain, v.sequence, v.hash, ${source}
        from unnest(${sql.param(entries.map((e) => e.chain))}::text[],
                    ${sql.param(entries.map((e) => e.sequence))}::bigint[],
                    ${sql.param(entries.map((e) => e.hash))}::text[]) as v(chain, sequence, hash)
       where v.sequence > coalesce((select max(c.sequence) from audit_checkpoints c
                                     where c.chain = v.chain), 0)
       order by v.chain
      returning chain, sequence::text as sequence, hash`);
    return rows.map(toCheckpoint);
  },
};
