import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { AuditContext } from '../audit/index.js';
import { recordPartChange, type CatalogDeps } from './catalog.deps.js';
import { partSearchDocument, searchTermsOf } from './part-search-document.js';
import { partSearchTermsRepository } from './part-search-terms.repository.js';
import { presentPart } from './part.presenter.js';
import { isDuplicatePartNumber, partRepository, type NewPartRow } from './part.repository.js';
import { gstPercentToBasisPoints, mrpCoversUnitPrice } from './part.rules.js';
import type { NewPart, PartPatch, PartView } from './part.schemas.js';

function duplicate(partNumber: string): AppError {
  return new AppError('DUPLICATE_PART_NUMBER', {
    detail: `Part number ${partNumber} already exists in your catalog.`,
    errors: [{ path: 'body.partNumber', message: 'already exists in your catalog' }],
  });
}

/**
 * Adds a part to the brand's catalog. Uniqueness is the database's (a unique index on the brand
 * and the lower-cased part number): the violation becomes 409, so two concurrent creates of the
 * same number cannot both succeed.
 */
export async function createPart(
  deps: CatalogDeps,
  brandId: string,
  input: NewPart,
  audit: AuditContext,
): Promise<PartView> {
  try {
    return await inTransaction(deps.pool, async (tx) => {
      const row = await partRepository.insert(tx.db, {
        brandId,
        partNumber: input.partNumber,
        name: input.name,
        description: input.description ?? null,
        category: input.category ?? null,
        hsnCode: input.hsnCode ?? null,
        gstRateBasisPoints:
          input.gstRatePercent === undefined ? null : gstPercentToBasisPoints(input.gstRatePercent),
        unitPricePaise: input.unitPricePaise,
        mrpPaise: input.mrpPaise ?? null,
        weightGrams: input.weightGrams,
        lengthCm: input.lengthCm,
        widthCm: input.widthCm,
        heightCm: input.heightCm,
        compatibleModels: input.compatibleModels ?? [],
        status: input.status ?? 'active',
        searchDocument: partSearchDocument(input),
      });
      await partSearchTermsRepository.add(tx.client, brandId, searchTermsOf(input));
      const view = presentPart(row);
      await recordPartChange(deps, tx, {
        audit,
        brandId,
        partId: row.id,
        action: 'part.created',
        after: view,
        event: 'part.created',
        payload: { partId: row.id, brandId, partNumber: row.partNumber, status: row.status },
      });
      return view;
    });
  } catch (error) {
    if (isDuplicatePartNumber(error)) throw duplicate(input.partNumber);
    throw error;
  }
}

/** Changes some fields of one of the brand's parts; another brand's id is NOT_FOUND. */
export async function updatePart(
  deps: CatalogDeps,
  brandId: string,
  id: string,
  patch: PartPatch,
  audit: AuditContext,
): Promise<PartView> {
  try {
    return await inTransaction(deps.pool, async (tx) => {
      const before = await partRepository.findForUpdate(tx.db, brandId, id);
      if (!before) throw new AppError('NOT_FOUND', { detail: 'No such part.' });
      const { gstRatePercent, ...fields } = patch;
      const values: Partial<NewPartRow> = { ...fields };
      if (gstRatePercent !== undefined)
        values.gstRateBasisPoints =
          gstRatePercent === null ? null : gstPercentToBasisPoints(gstRatePercent);
      const merged = { ...before, ...values };
      if (!mrpCoversUnitPrice(merged.unitPricePaise, merged.mrpPaise))
        throw new AppError('VALIDATION_FAILED', {
          detail: 'The MRP cannot be below the unit price.',
          errors: [{ path: 'body.mrpPaise', message: 'must be at least unitPricePaise' }],
        });
      values.searchDocument = partSearchDocument(merged);
      const row = await partRepository.update(tx.db, id, values);
      // New words become terms; the old ones stay (see partSearchTermsRepository).
      if (row.searchDocument !== before.searchDocument)
        await partSearchTermsRepository.add(tx.client, brandId, searchTermsOf(merged));
      const view = presentPart(row);
      const changes = Object.keys(patch).sort();
      await recordPartChange(deps, tx, {
        audit,
        brandId,
        partId: id,
        action: 'part.updated',
        before: presentPart(before),
        after: view,
        event: 'part.updated',
        payload: { partId: id, brandId, partNumber: row.partNumber, changes },
      });
      return view;
    });
  } catch (error) {
    if (isDuplicatePartNumber(error)) throw duplicate(patch.partNumber ?? '');
    throw error;
  }
}
