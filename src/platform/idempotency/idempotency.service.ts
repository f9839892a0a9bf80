import crypto from 'node:crypto';
import type { Tx } from '../db/transaction.js';
import { AppError } from '../errors/app-error.js';
import { idempotencyKeyRepository } from './idempotency-key.repository.js';

/** A response an idempotent operation produced (and a replay returns again). */
export interface IdempotentResponse<T> {
  status: number;
  body: T;
  /** True when this is the stored answer of an earlier call with the same key. */
  replayed: boolean;
}

export interface IdempotencyRequest {
  organizationId: string;
  /** The operation, e.g. `POST /api/v1/inventory/adjustments`; keys are per scope. */
  scope: string;
  /** The `Idempotency-Key` header; undefined runs the operation plainly. */
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

export function requestHash(body: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(body)).digest('hex');
}

/**
 * Runs an (idem) operation at most once per key (api-v1 Conventions). The key row is claimed in
 * the caller's transaction before `run`, so concurrent duplicates serialize on its primary key and
 * the loser replays the winner's committed answer; a failed operation rolls its key back and may
 * be retried. Same key, other body → 409 IDEMPOTENCY_KEY_REUSED.
 */
export async function withIdempotency<T>(
  tx: Tx,
  request: IdempotencyRequest,
  run: () => Promise<{ status: number; body: T }>,
): Promise<IdempotentResponse<T>> {
  if (request.key === undefined) return { ...(await run()), replayed: false };
  const ref = { organizationId: request.organizationId, scope: request.scope, key: request.key };
  const hash = requestHash(request.requestBody);
  if (await idempotencyKeyRepository.claim(tx, ref, hash)) {
    const response = await run();
    await idempotencyKeyRepository.complete(tx, ref, response.status, response.body);
    return { ...response, replayed: false };
  }
  const stored = await idempotencyKeyRepository.find(tx, ref);
  if (!stored) throw new Error('idempotency key vanished after a conflict');
  if (stored.requestHash !== hash)
    throw new AppError('IDEMPOTENCY_KEY_REUSED', {
      detail: 'This Idempotency-Key was used with a different request body.',
    });
  return { status: stored.responseStatus, body: stored.responseBody as T, replayed: true };
}
