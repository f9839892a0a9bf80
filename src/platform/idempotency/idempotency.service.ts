import crypto from 'node:crypto';
import type { Tx } from '../db/transaction.js';
import { AppError } from '../errors/app-error.js';
import { idempotencyKeyRepository } from './idempotency-key.repository.js';

/** The result of an idempotent operation: its own, or the stored one of an earlier call. */
export interface IdempotentOutcome<T> {
  value: T;
  /** True when `value` is the stored result of an earlier call with the same key. */
  replayed: boolean;
}

export interface IdempotencyRequest {
  organizationId: string;
  /**
   * The operation's name, `<module>.<operation>` (e.g. `inventory.adjustment`,
   * `inventory.reservation.release`) — never an HTTP method or path, which are the route's
   * business. Keys are per organization and operation; a stored key keeps its operation's name,
   * so a rename needs a migration of `idempotency_keys.scope` (see drizzle/0011).
   */
  operation: string;
  /** The `Idempotency-Key` the caller sent; undefined runs the operation plainly. */
  key: string | undefined;
  requestBody: unknown;
}

/** JSON with object keys sorted at every depth, so `{a,b}` and `{b,a}` hash the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** SHA-256 of the canonical JSON of a request body: what "the same body" means. */
export function requestHash(body: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/**
 * Runs an (idem) operation at most once per key (api-v1 Conventions). The key row is claimed in
 * the caller's transaction before `run`, so concurrent duplicates serialize on its primary key and
 * the loser replays the winner's committed result; a failed operation rolls its key back and may
 * be retried. Same key, other body → 409 IDEMPOTENCY_KEY_REUSED. `run` returns a domain value
 * (plain JSON: it is stored as jsonb and replayed as read back); the route that called the service
 * chooses the status code and says `Idempotent-Replayed` (see `sendIdempotent`).
 */
export async function withIdempotency<T>(
  tx: Tx,
  request: IdempotencyRequest,
  run: () => Promise<T>,
): Promise<IdempotentOutcome<T>> {
  if (request.key === undefined) return { value: await run(), replayed: false };
  const ref = {
    organizationId: request.organizationId,
    operation: request.operation,
    key: request.key,
  };
  const hash = requestHash(request.requestBody);
  if (await idempotencyKeyRepository.claim(tx, ref, hash)) {
    const value = await run();
    await idempotencyKeyRepository.complete(tx, ref, value);
    return { value, replayed: false };
  }
  const stored = await idempotencyKeyRepository.find(tx, ref);
  if (!stored) throw new Error('idempotency key vanished after a conflict');
  if (stored.requestHash !== hash)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', {
      detail: 'This Idempotency-Key was used with a different request body.',
    });
  return { value: stored.result as T, replayed: true };
}
