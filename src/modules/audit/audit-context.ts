import type { Caller } from '../../platform/http/caller.js';
import type { AuditEntry } from './audit.service.js';

/** Who did it and from where, as the audit log records it; built once per request by handlers. */
export interface AuditContext {
  actor: AuditEntry['actor'];
  requestId: string | null;
  ip: string | null;
}

export function auditContextOf(
  caller: Caller,
  request: { id: string; ip: string | undefined },
): AuditContext {
  return {
    actor: caller.kind === 'user' ? { userId: caller.userId } : { apiKeyId: caller.apiKeyId },
    requestId: request.id,
    ip: request.ip ?? null,
  };
}
