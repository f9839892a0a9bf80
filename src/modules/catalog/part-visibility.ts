import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Caller } from '../../platform/http/caller.js';
import { organizationDirectory } from '../identity/index.js';
import { isActivePartner } from '../network/index.js';
import type { PartRow } from './part.repository.js';
import { visibleStatuses, type CatalogScope } from './part-search.repository.js';

const notFound = () => new AppError('NOT_FOUND', { detail: 'No such part.' });

/**
 * The catalog a caller may browse. Brands see their own catalog (any status); distributors and
 * service centers must name a brand (`brandId`) they are an ACTIVE partner of, and see its active
 * and discontinued parts; customers (and the platform) see the public catalog: active parts of
 * active brands. A brand the caller is not authorised for is NOT_FOUND, never an empty list, so
 * the answer is the same whether or not the brand exists.
 */
export async function catalogScopeFor(
  db: Db,
  caller: Caller,
  brandId: string | undefined,
): Promise<CatalogScope> {
  switch (caller.organizationType) {
    case 'brand':
      if (brandId && brandId !== caller.organizationId) throw notFound();
      return { kind: 'brand', brandId: caller.organizationId };
    case 'distributor':
    case 'service_center':
      if (!brandId)
        throw new AppError('VALIDATION_FAILED', {
          detail: 'Distributors and service centers browse one brand at a time.',
          errors: [{ path: 'querystring.brandId', message: 'is required' }],
        });
      if (!(await isActivePartner(db, brandId, caller.organizationId))) throw notFound();
      return { kind: 'partner', brandId };
    default:
      return { kind: 'public', brandId };
  }
}

/** Whether the caller may see this part (the same rules as `catalogScopeFor`, for one part). */
export async function canSeePart(db: Db, caller: Caller, part: PartRow): Promise<boolean> {
  if (caller.organizationType === 'brand') return part.brandId === caller.organizationId;
  if (caller.organizationType === 'distributor' || caller.organizationType === 'service_center') {
    if (!visibleStatuses({ kind: 'partner', brandId: part.brandId }).includes(part.status))
      return false;
    return isActivePartner(db, part.brandId, caller.organizationId);
  }
  if (part.status !== 'active') return false;
  const [brand] = await db
    .select({ status: organizationDirectory.status, type: organizationDirectory.type })
    .from(organizationDirectory)
    .where(eq(organizationDirectory.id, part.brandId))
    .limit(1);
  return brand?.type === 'brand' && brand.status === 'active';
}

/** The scope the caller sees a visible part's brand through (for its substitutes and chain). */
export function scopeOfVisiblePart(caller: Caller, part: PartRow): CatalogScope {
  if (caller.organizationType === 'brand') return { kind: 'brand', brandId: part.brandId };
  if (caller.organizationType === 'distributor' || caller.organizationType === 'service_center')
    return { kind: 'partner', brandId: part.brandId };
  return { kind: 'public', brandId: part.brandId };
}

export { notFound as partNotFound };
