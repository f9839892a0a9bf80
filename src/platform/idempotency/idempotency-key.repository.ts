import type { Tx } from '../db/transaction.js';

export interface StoredIdempotentResult {
  requestHash: string;
  result: unknown;
}

interface KeyRef {
  organizationId: string;
  operation: string;
  key: string;
}

/** The `idempotency_keys` rows; always written inside the operation's own transaction. */
export const idempotencyKeyRepository = {
  /**
   * Claims the key with a placeholder row. A concurrent claimer of the same key blocks on the
   * primary key until this transaction ends, then either finds the committed row or (after a
   * rollback) claims it itself. Returns whether this transaction claimed it.
   */
  async claim(tx: Tx, ref: KeyRef, requestHash: string): Promise<boolean> {
    const { rowCount } = await tx.client.query(
      `insert into idempotency_keys (organization_id, scope, key, request_hash, response_body)
       values ($1, $2, $3, $4, 'null'::jsonb)
       on conflict (organization_id, scope, key) do nothing`,
      [ref.organizationId, ref.operation, ref.key, requestHash],
    );
    return rowCount === 1;
  },

  /** The stored result of a key claimed by an earlier, committed transaction. */
  async find(tx: Tx, ref: KeyRef): Promise<StoredIdempotentResult | undefined> {
    const { rows } = await tx.client.query<{ request_hash: string; response_body: unknown }>(
      `select request_hash, response_body from idempotency_keys
        where organization_id = $1 and scope = $2 and key = $3 for share`,
      [ref.organizationId, ref.operation, ref.key],
    );
    const row = rows[0];
    return row && { requestHash: row.request_hash, result: row.response_body };
  },

  /** Stores the result of the operation that claimed the key. */
  async complete(tx: Tx, ref: KeyRef, result: unknown): Promise<void> {
    await tx.client.query(
      `update idempotency_keys set response_body = $4::jsonb
        where organization_id = $1 and scope = $2 and key = $3`,
      [ref.organizationId, ref.operation, ref.key, JSON.stringify(result)],
    );
  },
};
