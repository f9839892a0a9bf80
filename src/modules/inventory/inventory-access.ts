import type { Db } from '../../platform/db/database.js';
import { AppError } from '../../platform/errors/app-error.js';
import { locationStatus } from '../locations/index.js';
import { isActivePartner } from '../network/index.js';
import { inventoryPartRepository, type StockPart } from './inventory-part.repository.js';

const notFound = (what: string) => new AppError('NOT_FOUND', { detail: `No such ${what}.` });

/** LOCATION_ARCHIVED: an archived location takes no stock operation (nor thresholds). */
export function locationArchived(locationId: string): AppError {
  return new AppError('LOCATION_ARCHIVED', {
    detail: 'The location is archived; stock operations there are refused.',
    extensions: { locationId },
  });
}

/**
 * The location must belong to the caller's organization — another's is NOT_FOUND — and be
 * active: an archived one is LOCATION_ARCHIVED (it exists and is listed with `?archived=true`,
 * so "not found" would mislead). The ledger checks again under its lock.
 */
export async function requireOwnLocation(
  db: Db,
  organizationId: string,
  locationId: string,
): Promise<void> {
  const status = await locationStatus(db, organizationId, locationId);
  if (!status) throw notFound('location');
  if (status === 'archived') throw locationArchived(locationId);
}

/**
 * The parts an organization may hold stock of: its own brand's parts, or parts of a brand it is
 * an ACTIVE partner of. Any other part is NOT_FOUND (same answer whether or not it exists). With
 * `receiving`, a draft part is PART_NOT_ORDERABLE: stock only arrives for published parts.
 */
export async function requireStockableParts(
  db: Db,
  organizationId: string,
  partIds: readonly string[],
  options: { receiving: boolean },
): Promise<Map<string, StockPart>> {
  const unique = [...new Set(partIds)];
  const found = new Map(
    (await inventoryPartRepository.findMany(db, unique)).map((part) => [part.id, part]),
  );
  const partnerOf = new Map<string, boolean>();
  for (const id of unique) {
    const part = found.get(id);
    if (!part) throw notFound('part');
    if (part.brandId !== organizationId) {
      let active = partnerOf.get(part.brandId);
      if (active === undefined) {
        active = await isActivePartner(db, part.brandId, organizationId);
        partnerOf.set(part.brandId, active);
      }
      if (!active || part.status === 'draft') throw notFound('part');
    }
    if (options.receiving && part.status === 'draft')
      throw new AppError('PART_NOT_ORDERABLE', {
        detail: 'A draft part cannot receive stock; publish it first.',
      });
  }
  return found;
}
