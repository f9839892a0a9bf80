import crypto from 'node:crypto';

/** The hash of the first entry's predecessor, in every chain. */
export const genesisHash = '0'.repeat(64);

/**
 * What an entry's hash covers. `chain` and `sequence` are absent for the entries of the `legacy`
 * chain (written before chains were split, ADR 0008): keys whose value is `undefined` are left out
 * of the canonical form, so those entries hash exactly as they were hashed.
 */
export interface AuditContent {
  occurredAt: string;
  actorUserId: string | null;
  actorApiKeyId: string | null;
  organizationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
  ip: string | null;
  chain?: string | undefined;
  sequence?: number | undefined;
}

/** Canonical JSON: object keys sorted at every depth, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, child]) => child !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, child]) => `${JSON.stringify(key)}:${canonical(child)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** SHA-256 over the previous entry's hash and this entry's canonical content. */
export function auditRowHash(previousHash: string, content: AuditContent): string {
  return crypto
    .createHash('sha256')
    .update(previousHash)
    .update('\n')
    .update(canonical(content))
    .digest('hex');
}
