import type { Tx } from '../../platform/db/transaction.js';
import { genesisHash, type AuditContent } from './audit-hash.js';

/** A chain's newest entry: its sequence (0 before the first) and hash. */
export interface ChainHead {
  sequence: number;
  hash: string;
}

/** One entry as `recordAudit` appends it: its hashed content (`before`/`after` already JSON-safe), its place in the chain and its hashes. */
export interface NewAuditEntry extends AuditContent {
  chain: string;
  sequence: number;
  previousHash: string;
  hash: string;
}

// Every audited write runs these, so they are named prepared statements: parsed and planned once
// per connection (ADR 0007).
const lockHeadStatement = {
  name: 'audit-chain-lock-head',
  text: 'select sequence::text as sequence, hash from audit_chain_heads where chain = $1 for update',
};
const createHeadStatement = {
  name: 'audit-chain-create-head',
  text: `insert into audit_chain_heads (chain, sequence, hash) values ($1, 0, '${genesisHash}')
         on conflict (chain) do nothing`,
};
const clockStatement = { name: 'audit-chain-clock', text: 'select clock_timestamp() as now' };
// The entry and the head's move to it in one statement (one round trip).
const appendStatement = {
  name: 'audit-chain-append',
  text: `with entry as (
           insert into audit_log (occurred_at, actor_user_id, actor_api_key_id, organization_id,
                                  action, entity_type, entity_id, before, after, request_id, ip,
                                  chain, sequence, previous_hash, hash)
           values ($1::timestamptz, $2, $3, $4, $5, $6, $7, $8::jsonb, $9::jsonb, $10, $11,
                   $12, $13, $14, $15)
           returning chain, sequence, hash)
         update audit_chain_heads h
            set sequence = entry.sequence, hash = entry.hash, updated_at = now()
           from entry
          where h.chain = entry.chain`,
};

const jsonOrNull = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** The write side of the audit chains; only `recordAudit` uses it. */
export const auditChainRepository = {
  /**
   * Locks the chain's head row until the transaction ends (created for a chain's first entry), so
   * appends to one chain queue here while other chains' appends go on.
   */
  async lockHead(tx: Tx, chain: string): Promise<ChainHead> {
    let { rows } = await tx.client.query<{ sequence: string; hash: string }>({
      ...lockHeadStatement,
      values: [chain],
    });
    if (rows.length === 0) {
      // A concurrent first append of the same chain blocks on the key until this one ends.
      await tx.client.query({ ...createHeadStatement, values: [chain] });
      ({ rows } = await tx.client.query<{ sequence: string; hash: string }>({
        ...lockHeadStatement,
        values: [chain],
      }));
    }
    const head = rows[0];
    if (!head) throw new Error(`audit chain head ${chain} could not be locked`);
    return { sequence: Number(head.sequence), hash: head.hash };
  },

  /** The database clock, read after the head lock so entries of a chain are in time order. */
  async now(tx: Tx): Promise<Date> {
    const { rows } = await tx.client.query<{ now: Date }>(clockStatement);
    return rows[0]?.now ?? new Date();
  },

  /** Inserts the entry and moves its chain's head to it (the head must be locked by `tx`). */
  async append(tx: Tx, entry: NewAuditEntry): Promise<void> {
    await tx.client.query({
      ...appendStatement,
      values: [
        entry.occurredAt,
        entry.actorUserId,
        entry.actorApiKeyId,
        entry.organizationId,
        entry.action,
        entry.entityType,
        entry.entityId,
        jsonOrNull(entry.before),
        jsonOrNull(entry.after),
        entry.requestId,
        entry.ip,
        entry.chain,
        entry.sequence,
        entry.previousHash,
        entry.hash,
      ],
    });
  },
};
