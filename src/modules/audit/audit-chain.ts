/**
 * Which hash chain an audit entry belongs to (ADR 0008): one per organization, one for platform
 * events (no organization), and the frozen chain of the entries written before the split.
 */
export const platformChain = 'platform';
export const legacyChain = 'legacy';

/** `org:<organization id>`, or `platform` for an entry without an organization. */
export function auditChainOf(organizationId: string | null): string {
  return organizationId === null ? platformChain : `org:${organizationId}`;
}
