import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import type { FastifyZodApp } from '../../platform/http/fastify-types.js';
import { recordActorSchema } from '../../platform/http/record-actor.js';
import { requireCaller } from '../../platform/http/route-policy.js';
import { listAuditLog } from './audit-log.service.js';
import type { AuditNameSources } from './audit-names.js';
import { auditActionCatalog, auditActions, auditEntityTypeLabels } from './audit-vocabulary.js';

const optionalText = z.string().trim().min(1).max(200).optional();
const instant = z.iso
  .datetime({ offset: true })
  .transform((value) => new Date(value))
  .optional();

const auditLogQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(32).optional().describe('`nextCursor` of the previous page'),
  action: optionalText.describe(
    'e.g. `api_key.revoked`; `GET /api/v1/audit-log/vocabulary` lists them with labels',
  ),
  entityType: optionalText.describe('e.g. `part`, `location`; listed in the vocabulary'),
  entityId: optionalText,
  actorUserId: z.uuid().optional().describe('only entries made by this member'),
  actorApiKeyId: z.uuid().optional().describe('only entries made with this API key'),
  from: instant.describe('entries at or after this instant (ISO 8601)'),
  to: instant.describe('entries at or before this instant (ISO 8601)'),
  organizationId: z.uuid().optional().describe('platform administrators only'),
});

const auditLogItemSchema = z.object({
  position: z.number().int(),
  occurredAt: z.string(),
  actor: recordActorSchema.describe(
    "Who did it. People and API keys are named only when they belong to the caller's organization.",
  ),
  organizationId: z.string().nullable(),
  action: z.string(),
  actionLabel: z.string().describe('The action in words: `stock.adjusted` → "Stock adjusted"'),
  entityType: z.string(),
  entityId: z.string(),
  target: z
    .object({
      type: z.string(),
      typeLabel: z.string(),
      id: z.string(),
      label: z
        .string()
        .nullable()
        .describe(
          "The part number, location name and city, member's name, organization name…; null when there is none to show",
        ),
    })
    .describe('What the entry is about (entityType and entityId, in words)'),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});

const auditLogPageSchema = z.object({
  items: z.array(auditLogItemSchema),
  nextCursor: z.string().nullable(),
});

const vocabularySchema = z.object({
  actions: z.array(
    z.object({ action: z.string(), label: z.string(), entityType: z.string().nullable() }),
  ),
  entityTypes: z.array(z.object({ type: z.string(), label: z.string() })),
});

/** The audit log and the words for its codes (for filter pickers). */
export function registerAuditRoutes(app: FastifyZodApp, db: Db, names: AuditNameSources): void {
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
    async (request) => listAuditLog(db, names, requireCaller(request), request.query),
  );

  app.get(
    '/api/v1/audit-log/vocabulary',
    {
      config: {
        policy: { access: 'authenticated', capability: 'audit.read' },
        problems: [],
      },
      schema: {
        tags: ['audit'],
        summary: 'Every action and entity type the audit log records, with its label',
        response: { 200: vocabularySchema },
      },
    },
    () => ({
      actions: auditActions.map((action) => ({
        action,
        label: auditActionCatalog[action].label,
        entityType: auditActionCatalog[action].entityType,
      })),
      entityTypes: Object.entries(auditEntityTypeLabels).map(([type, label]) => ({ type, label })),
    }),
  );
}
