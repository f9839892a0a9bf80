import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { listAuditLog } from './audit-log.service.js';

const optionalText = z.string().trim().min(1).max(200).optional();
const instant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .optional();

const auditLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(32).optional().describe('`nextCursor` of the previous page'),
  action: optionalText.describe('e.g. `api_key.revoked`'),
  entityType: optionalText,
  entityId: optionalText,
  from: instant.describe('entries at or after this instant (ISO 8601)'),
  to: instant.describe('entries at or before this instant (ISO 8601)'),
  organizationId: z.uuid().optional().describe('platform administrators only'),
});

const auditLogItemSchema = z.object({
  position: z.number().int(),
  occurredAt: z.string(),
  actor: z.object({ userId: z.string().nullable(), apiKeyId: z.string().nullable() }),
  organizationId: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

const auditLogPageSchema = z.object({
  items: z.array(auditLogItemSchema),
  nextCursor: z.string().nullable(),
});

export function registerAuditRoutes(app: FastifyZodApp, db: Db): void {
  app.get(
    '/api/v1/audit-log',
    {
      config: {
        policy: { access: 'authenticated', capability: 'audit.read' },
        problems: [],
      },
      schema: {
        tags: ['audit'],
        summary: "The organization's audit log, newest first (platform administrators: all)",
        querystring: auditLogQuerySchema,
        response: { 200: auditLogPageSchema },
      },
    },
    async (request) => listAuditLog(db, requireCaller(request), request.query),
  );
}
