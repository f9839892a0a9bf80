import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AuditContext } from '../audit/index.js';
import { recordPartChange, type CatalogDeps } from './catalog.deps.js';
import { partRef, presentPart } from './part.presenter.js';
import { partRepository, type PartRow } from './part.repository.js';
import { firstActiveInChain, wouldCreateCycle, type ChainLink } from './part.rules.js';
import type { PartRef, PartView } from './part.schemas.js';

const notFound = (detail = 'No such part.') => new AppError('NOT_FOUND', { detail });

/**
 * Records that `partId` is replaced by `replacementPartId` (same brand). A replacement whose own
 * chain leads back to the part would make lookups loop: 409 CONFLICT. Changes within a brand are
 * serialised by an advisory lock, so two concurrent supersessions cannot close a loop between
 * them. An active part that is superseded becomes discontinued (it is no longer sold new).
 */
export async function supersedePart(
  deps: CatalogDeps,
  brandId: string,
  partId: string,
  replacementPartId: string,
  audit: AuditContext,
): Promise<PartView> {
  return inTransaction(deps.pool, (tx) =>
    recordSupersession(tx, deps.events, brandId, partId, replacementPartId, audit),
  );
}

/** `supersedePart` in the caller's transaction (the demo world links its parts so). */
export async function recordSupersession(
  tx: Tx,
  events: EventBus,
  brandId: string,
  partId: string,
  replacementPartId: string,
  audit: AuditContext,
): Promise<PartView> {
  await partRepository.lockBrandSupersession(tx.db, brandId);
  const part = await partRepository.findForUpdate(tx.db, brandId, partId);
  if (!part) throw notFound();
  const [replacement] = await partRepository.findMany(tx.db, brandId, [replacementPartId]);
  if (!replacement)
    throw new AppError('VALIDATION_FAILED', {
      detail: 'The replacement must be a part of your catalog.',
      errors: [{ path: 'body.replacementPartId', message: 'is not a part of your catalog' }],
    });
  const chain = await partRepository.chain(tx.db, replacementPartId);
  const links = new Map<string, ChainLink>(chain.map((link) => [link.id, link]));
  if (wouldCreateCycle(partId, replacementPartId, links))
    throw new AppError('CONFLICT', {
      detail: `${replacement.partNumber} is already superseded, directly or not, by ${part.partNumber}; that would be a loop.`,
    });
  const row = await partRepository.update(tx.db, partId, {
    supersededByPartId: replacementPartId,
    ...(part.status === 'active' ? { status: 'discontinued' as const } : {}),
  });
  const view = presentPart(row);
  await recordPartChange({ events }, tx, {
    audit,
    brandId,
    partId,
    action: 'part.superseded',
    before: presentPart(part),
    after: view,
    event: 'part.superseded',
    payload: {
      partId,
      brandId,
      partNumber: part.partNumber,
      replacementPartId,
      replacementPartNumber: replacement.partNumber,
    },
  });
  return view;
}

/** Replaces a part's substitutes (same brand; each pair is stored both ways). */
export async function setSubstitutes(
  deps: CatalogDeps,
  brandId: string,
  partId: string,
  substituteIds: readonly string[],
  audit: AuditContext,
): Promise<{ partId: string; substitutes: PartRef[] }> {
  checkSubstitutes(partId, substituteIds);
  return inTransaction(deps.pool, (tx) =>
    recordSubstitutes(tx, deps.events, brandId, partId, substituteIds, audit),
  );
}

function checkSubstitutes(partId: string, substituteIds: readonly string[]): void {
  if (substituteIds.includes(partId))
    throw new AppError('VALIDATION_FAILED', {
      detail: 'A part is not its own substitute.',
      errors: [{ path: 'body.partIds', message: 'contains the part itself' }],
    });
}

/** `setSubstitutes` in the caller's transaction (the demo world links its parts so). */
export async function recordSubstitutes(
  tx: Tx,
  events: EventBus,
  brandId: string,
  partId: string,
  substituteIds: readonly string[],
  audit: AuditContext,
): Promise<{ partId: string; substitutes: PartRef[] }> {
  const wanted = [...new Set(substituteIds)];
  checkSubstitutes(partId, wanted);
  const part = await partRepository.findForUpdate(tx.db, brandId, partId);
  if (!part) throw notFound();
  const found = await partRepository.findMany(tx.db, brandId, wanted);
  if (found.length !== wanted.length)
    throw new AppError('VALIDATION_FAILED', {
      detail: 'Substitutes must be parts of your catalog.',
      errors: [{ path: 'body.partIds', message: 'contains a part not in your catalog' }],
    });
  const before = (await partRepository.substitutesOf(tx.db, partId)).map((s) => s.id).sort();
  await partRepository.replaceSubstitutes(tx.db, partId, wanted);
  const after = [...wanted].sort();
  await recordPartChange({ events }, tx, {
    audit,
    brandId,
    partId,
    action: 'part.substitutes_set',
    before: { substitutePartIds: before },
    after: { substitutePartIds: after },
    event: 'part.updated',
    payload: { partId, brandId, partNumber: part.partNumber, changes: ['substitutes'] },
  });
  return {
    partId,
    substitutes: found.sort((a, b) => a.partNumber.localeCompare(b.partNumber)).map(partRef),
  };
}

/**
 * The part to order when `partId` is asked for: the first active part along its supersession
 * chain (the part itself when it is active), for ordering, requests and reservations. Cycle-safe.
 * Throws NOT_FOUND for an unknown part and PART_NOT_ORDERABLE when no part of the chain is active.
 * Callers check the brand/visibility of `partId` themselves before calling.
 */
export async function resolveOrderablePart(db: Db, partId: string): Promise<PartRow> {
  const chain = await partRepository.chain(db, partId);
  if (chain.length === 0) throw notFound();
  const links = new Map<string, ChainLink>(chain.map((link) => [link.id, link]));
  const orderableId = firstActiveInChain(partId, links);
  const part = orderableId ? await partRepository.find(db, orderableId) : undefined;
  if (!part)
    throw new AppError('PART_NOT_ORDERABLE', {
      detail: 'Neither this part nor any part that replaces it is active.',
    });
  return part;
}
