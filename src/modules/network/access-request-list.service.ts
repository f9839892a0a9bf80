import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import type { Caller } from '../../platform/http/caller.js';
import { pageQuerySchema, toPage } from '../../platform/http/pagination.js';
import { accessRequestListRepository } from './access-request-list.repository.js';
import type { NetworkDeps } from './network.deps.js';
import { partnerTypes } from './network.tables.js';

const accessRequestStatuses = ['pending', 'approved', 'rejected'] as const;

export const accessRequestListQuerySchema = pageQuerySchema
  .extend({ status: z.enum(accessRequestStatuses).optional() })
  .strict();
export type AccessRequestListQuery = z.infer<typeof accessRequestListQuerySchema>;

const common = {
  id: z.uuid(),
  message: z.string().nullable(),
  status: z.enum(accessRequestStatuses),
  createdAt: z.iso.datetime(),
  decidedAt: z.iso.datetime().nullable(),
};

/** A brand sees who asked (`partner…`); a partner sees whom it asked (`brand…`). */
export const accessRequestEntrySchema = z.union([
  z.object({
    ...common,
    partnerId: z.uuid(),
    partnerName: z.string(),
    partnerType: z.enum(partnerTypes),
  }),
  z.object({ ...common, brandId: z.uuid(), brandName: z.string() }),
]);
export type AccessRequestEntry = z.infer<typeof accessRequestEntrySchema>;

/**
 * The caller's access requests, newest first: a brand's incoming ones (its owners and admins,
 * who decide them), a distributor's or service center's outgoing ones (its owners, admins and
 * managers, who may file them). A brand manager is FORBIDDEN, as for the decisions.
 */
export async function listAccessRequests(
  deps: NetworkDeps,
  caller: Caller,
  query: AccessRequestListQuery,
): Promise<{ items: AccessRequestEntry[]; nextCursor: string | null }> {
  const side = caller.organizationType === 'brand' ? 'brand' : 'partner';
  if (side === 'brand' && (caller.kind !== 'user' || !['owner', 'admin'].includes(caller.role))) {
    throw new AppError('FORBIDDEN', {
      detail: "Only a brand's owners and admins see its access requests.",
    });
  }
  const rows = await accessRequestListRepository.page(deps.db, side, caller.organizationId, {
    status: query.status,
    limit: query.limit + 1,
    cursor: query.cursor,
  });
  return toPage(
    rows,
    query.limit,
    (row): AccessRequestEntry => {
      const shared = {
        id: row.id,
        message: row.message,
        status: row.status,
        createdAt: row.createdAt.toISOString(),
        decidedAt: row.decidedAt?.toISOString() ?? null,
      };
      return side === 'brand'
        ? {
            ...shared,
            partnerId: row.organizationId,
            partnerName: row.organizationName,
            partnerType: row.organizationType as (typeof partnerTypes)[number],
          }
        : { ...shared, brandId: row.organizationId, brandName: row.organizationName };
    },
    (row) => row.id,
  );
}
