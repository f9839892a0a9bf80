import { z } from 'zod';
import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { pageQuerySchema, toPage } from '../../platform/http/pagination.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { organizationTypes } from './identity.tables.js';
import {
  platformOrganizationRepository,
  type OrganizationStatus,
  type OrganizationSummary,
} from './platform-organizations.repository.js';

const statusSchema = z.enum(['active', 'suspended']);

export const organizationListQuerySchema = pageQuerySchema
  .extend({
    type: z.enum(organizationTypes).exclude(['platform']).optional(),
    status: statusSchema.optional(),
    q: z.string().trim().min(1).max(100).optional().describe('Part of the name'),
  })
  .strict();
export type OrganizationListQuery = z.infer<typeof organizationListQuerySchema>;

export const organizationSummarySchema = z.object({
  id: z.uuid(),
  type: z.enum(organizationTypes),
  name: z.string(),
  status: statusSchema,
  createdAt: z.iso.datetime(),
});
export type OrganizationSummaryView = z.infer<typeof organizationSummarySchema>;

export const organizationStatusSchema = z.object({ id: z.uuid(), status: statusSchema });

export interface PlatformOrganizationDeps {
  pool: pg.Pool;
  db: Db;
}

function present(row: OrganizationSummary): OrganizationSummaryView {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export async function listOrganizations(
  deps: PlatformOrganizationDeps,
  query: OrganizationListQuery,
) {
  const rows = await platformOrganizationRepository.list(deps.db, query);
  return toPage(rows, query.limit, present, (row) => row.id);
}

/**
 * Suspends or reactivates a tenant. The authenticator reads the status on every request, so a
 * suspended organization's tokens and API keys stop working at once. The platform cannot be
 * suspended (it would lock out its own administrators).
 */
export async function setOrganizationStatus(
  deps: PlatformOrganizationDeps,
  id: string,
  status: OrganizationStatus,
  audit: AuditContext,
): Promise<{ id: string; status: OrganizationStatus }> {
  return inTransaction(deps.pool, async (tx) => {
    const current = await platformOrganizationRepository.findForUpdate(tx.db, id);
    if (!current) throw new AppError('NOT_FOUND', { detail: 'No such organization.' });
    if (current.type === 'platform') {
      throw new AppError('CONFLICT', { detail: 'The platform organization cannot be suspended.' });
    }
    if (current.status !== status) {
      await platformOrganizationRepository.setStatus(tx.db, id, status);
      await recordAudit(tx, {
        ...audit,
        organizationId: id,
        action: status === 'suspended' ? 'organization.suspended' : 'organization.reactivated',
        entityType: 'organization',
        entityId: id,
        before: { status: current.status },
        after: { status },
      });
    }
    return { id, status };
  });
}
