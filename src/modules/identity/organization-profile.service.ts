import { z } from 'zod';
import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { indianPhoneSchema } from '../../platform/validation/indian-phone.schema.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import {
  organizationProfileRepository,
  type OrganizationProfileRow,
} from './organization-profile.repository.js';
import { gstinSchema, panOfGstin, panSchema } from './tax-ids.js';

export const organizationProfileSchema = z.object({
  id: z.uuid(),
  type: z.enum(['platform', 'brand', 'distributor', 'service_center', 'customer']),
  name: z.string(),
  legalName: z.string().nullable(),
  gstin: z.string().nullable(),
  pan: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  status: z.enum(['active', 'suspended']),
  createdAt: z.iso.datetime(),
});
export type OrganizationProfile = z.infer<typeof organizationProfileSchema>;

export const organizationProfileUpdateSchema = z
  .object({
    name: z.string().trim().min(1).max(200).optional(),
    legalName: z.string().trim().min(1).max(200).optional(),
    gstin: gstinSchema.optional(),
    pan: panSchema.optional(),
    contactEmail: z.email().max(254).optional(),
    contactPhone: indianPhoneSchema.optional(),
  })
  .strict()
  .superRefine((body, context) => {
    if (body.gstin !== undefined && body.pan !== undefined && panOfGstin(body.gstin) !== body.pan) {
      context.addIssue({
        code: 'custom',
        path: ['gstin'],
        message: 'GSTIN does not contain the PAN given in pan',
      });
    }
  });
export type OrganizationProfileUpdate = z.infer<typeof organizationProfileUpdateSchema>;

function present(row: OrganizationProfileRow): OrganizationProfile {
  return {
    id: row.id,
    type: row.type,
    name: row.name,
    legalName: row.legalName,
    gstin: row.gstin,
    pan: row.pan,
    contactEmail: row.contactEmail,
    contactPhone: row.contactPhone,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface OrganizationProfileDeps {
  pool: pg.Pool;
  db: Db;
}

/** The caller's own organization; the id always comes from the authenticated caller. */
export async function getOrganizationProfile(
  deps: OrganizationProfileDeps,
  organizationId: string,
): Promise<OrganizationProfile> {
  const row = await organizationProfileRepository.find(deps.db, organizationId);
  if (!row) throw new AppError('NOT_FOUND');
  return present(row);
}

/** Applies the changes and records `organization.updated` with before/after in one transaction. */
export async function updateOrganizationProfile(
  deps: OrganizationProfileDeps,
  organizationId: string,
  changes: OrganizationProfileUpdate,
  audit: AuditContext,
): Promise<OrganizationProfile> {
  return inTransaction(deps.pool, async (tx) => {
    const current = await organizationProfileRepository.findForUpdate(tx.db, organizationId);
    if (!current) throw new AppError('NOT_FOUND');
    const before = present(current);
    // Nothing to change: answer the profile as it is, and there is nothing to audit.
    if (Object.keys(changes).length === 0) return before;
    const after = present(
      await organizationProfileRepository.update(tx.db, organizationId, changes),
    );
    await recordAudit(tx, {
      ...audit,
      organizationId,
      action: 'organization.updated',
      entityType: 'organization',
      entityId: organizationId,
      before,
      after,
    });
    return after;
  });
}
