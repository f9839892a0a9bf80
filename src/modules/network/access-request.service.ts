import { z } from 'zod';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AuditContext } from '../audit/index.js';
import { accessRequestRepository, type AccessRequestRow } from './access-request.repository.js';
import { isUniqueViolation } from '../../platform/db/pg-errors.js';
import { recordNetworkChange, type NetworkDeps } from './network.deps.js';
import { partnerTypes, type PartnerType } from './network.tables.js';
import { activatePartnerLink, linkView } from './partner-link.service.js';
import { partnerLinkRepository } from './partner-link.repository.js';

export const newAccessRequestSchema = z
  .object({ brandId: z.uuid(), message: z.string().trim().min(1).max(2000).optional() })
  .strict();
export type NewAccessRequest = z.infer<typeof newAccessRequestSchema>;

export const accessRequestStatusSchema = z.object({
  id: z.uuid(),
  status: z.enum(['pending', 'approved', 'rejected']),
});
export type AccessRequestStatusView = z.infer<typeof accessRequestStatusSchema>;

function audited(row: AccessRequestRow) {
  return {
    brandId: row.brandId,
    partnerId: row.partnerId,
    message: row.message,
    status: row.status,
    decidedBy: row.decidedBy,
  };
}

const duplicate = () =>
  new AppError('CONFLICT', { detail: 'A request to this brand is already pending.' });

/**
 * A distributor or service center asks a brand to join its network. The brand must exist and be
 * active (else NOT_FOUND); an open request or any existing partnership is a conflict.
 */
export async function requestAccess(
  deps: NetworkDeps,
  partnerId: string,
  input: NewAccessRequest,
  audit: AuditContext,
): Promise<AccessRequestStatusView> {
  try {
    return await inTransaction(deps.pool, async (tx) => {
      const brand = await accessRequestRepository.findActiveBrand(tx.db, input.brandId);
      if (!brand) throw new AppError('NOT_FOUND', { detail: 'No such brand.' });
      if (await accessRequestRepository.findPending(tx.db, brand.id, partnerId)) throw duplicate();
      const link = await partnerLinkRepository.find(tx.db, brand.id, partnerId);
      if (link && link.status !== 'pending') {
        throw new AppError('CONFLICT', {
          detail: `A partnership with this brand already exists (${link.status}).`,
        });
      }
      const row = await accessRequestRepository.insert(tx.db, {
        brandId: brand.id,
        partnerId,
        message: input.message ?? null,
      });
      await recordNetworkChange(deps, tx, {
        audit,
        organizationId: partnerId,
        entityType: 'access_request',
        entityId: row.id,
        after: audited(row),
        event: 'partner.access_requested',
        payload: { requestId: row.id, brandId: brand.id, partnerId },
      });
      return { id: row.id, status: 'pending' as const };
    });
  } catch (error) {
    // Two concurrent requests: the partial unique index admits one, the other is the duplicate.
    if (isUniqueViolation(error, 'access_requests_one_pending')) throw duplicate();
    throw error;
  }
}

/**
 * A brand approves or rejects a request addressed to it (another brand's id is NOT_FOUND; a
 * decided one is a conflict). Approval activates the partner link in the same transaction.
 */
export async function decideAccessRequest(
  deps: NetworkDeps,
  brandId: string,
  decidedBy: string,
  id: string,
  decision: 'approve' | 'reject',
  audit: AuditContext,
): Promise<AccessRequestStatusView> {
  return inTransaction(deps.pool, async (tx) => {
    const current = await accessRequestRepository.findForBrand(tx.db, brandId, id);
    if (!current) throw new AppError('NOT_FOUND', { detail: 'No such access request.' });
    if (current.status !== 'pending')
      throw new AppError('CONFLICT', { detail: `The request is already ${current.status}.` });
    const decided = await accessRequestRepository.decide(
      tx.db,
      id,
      decision === 'approve' ? 'approved' : 'rejected',
      decidedBy,
    );
    const common = {
      audit,
      organizationId: brandId,
      entityType: 'access_request' as const,
      entityId: id,
      before: audited(current),
      after: audited(decided),
    };
    if (decision === 'reject') {
      await recordNetworkChange(deps, tx, {
        ...common,
        event: 'partner.access_rejected',
        payload: { requestId: id, brandId, partnerId: current.partnerId },
      });
    } else {
      const type = await accessRequestRepository.organizationType(tx.db, current.partnerId);
      if (!partnerTypes.includes(type as PartnerType))
        throw new AppError('CONFLICT', { detail: 'The requester is not a partner organization.' });
      const link = await activatePartnerLink(tx, {
        brandId,
        partnerId: current.partnerId,
        partnerType: type as PartnerType,
      });
      await recordNetworkChange(deps, tx, {
        ...common,
        after: { ...audited(decided), link: linkView(link) },
        event: 'partner.approved',
        payload: { ...linkView(link), requestId: id },
      });
    }
    return { id, status: decided.status };
  });
}
