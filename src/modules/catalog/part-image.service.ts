import crypto from 'node:crypto';
import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { Caller } from '../../platform/http/caller.js';
import type { StoredObject } from '../../platform/storage/storage.port.js';
import type { AuditContext } from '../audit/index.js';
import { recordPartChange, type CatalogDeps } from './catalog.deps.js';
import {
  bytesMatchImageType,
  imageTypeOf,
  maxImagesPerPart,
  partImageTypes,
} from './part-image.rules.js';
import { presentPartImage } from './part.presenter.js';
import { partRepository } from './part.repository.js';
import type { PartImageView } from './part.schemas.js';
import { visiblePart } from './part-read.service.js';

const notFound = () => new AppError('NOT_FOUND', { detail: 'No such part.' });

/** Throws NOT_FOUND unless the part belongs to the brand (checked before the body is looked at). */
export async function requireOwnPart(deps: CatalogDeps, brandId: string, partId: string) {
  const part = await partRepository.find(deps.db, partId);
  if (!part || part.brandId !== brandId) throw notFound();
  return part;
}

/**
 * Stores an uploaded image of one of the brand's parts. The declared type must be JPEG, PNG or
 * WebP and the bytes must say so too (415 otherwise). The file is written first and removed again
 * if the database refuses the row; at most ten images per part (409), counted under the part's
 * row lock so concurrent uploads cannot exceed it.
 */
export async function addPartImage(
  deps: CatalogDeps,
  brandId: string,
  partId: string,
  upload: { contentType: string | undefined; body: unknown },
  audit: AuditContext,
): Promise<PartImageView> {
  await requireOwnPart(deps, brandId, partId);
  const type = imageTypeOf(upload.contentType);
  const bytes = upload.body;
  if (!type || !Buffer.isBuffer(bytes))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail:
        'Send the image as the raw body with Content-Type image/jpeg, image/png or image/webp.',
    });
  if (!bytesMatchImageType(bytes, type))
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', {
      detail: `The body is not a ${partImageTypes[type].toUpperCase()} image.`,
    });
  const imageId = crypto.randomUUID();
  const storageKey = `parts/${partId}/${imageId}.${partImageTypes[type]}`;
  await deps.storage.put(storageKey, bytes, type);
  try {
    return await inTransaction(deps.pool, async (tx) => {
      const part = await partRepository.findForUpdate(tx.db, brandId, partId);
      if (!part) throw notFound();
      if ((await partRepository.imageCount(tx.db, partId)) >= maxImagesPerPart)
        throw new AppError('CONFLICT', {
          detail: `A part has at most ${maxImagesPerPart} images; delete one first.`,
        });
      const row = await partRepository.insertImage(tx.db, {
        id: imageId,
        partId,
        storageKey,
        contentType: type,
        byteSize: bytes.length,
      });
      const view = presentPartImage(row);
      await recordPartChange(deps, tx, {
        audit,
        brandId,
        partId,
        action: 'part.image_added',
        after: view,
        event: 'part.updated',
        payload: { partId, brandId, partNumber: part.partNumber, changes: ['images'] },
      });
      return view;
    });
  } catch (error) {
    await deps.storage.delete(storageKey).catch(() => undefined);
    throw error;
  }
}

/** The image's bytes, to anyone who may see the part. */
export async function readPartImage(
  deps: CatalogDeps,
  caller: Caller,
  partId: string,
  imageId: string,
): Promise<StoredObject> {
  await visiblePart(deps, caller, partId);
  const image = await partRepository.findImage(deps.db, partId, imageId);
  const stored = image ? await deps.storage.get(image.storageKey) : undefined;
  if (!stored) throw new AppError('NOT_FOUND', { detail: 'No such image.' });
  return stored;
}

/** Removes an image of one of the brand's parts; the file goes once the row is gone. */
export async function deletePartImage(
  deps: CatalogDeps,
  brandId: string,
  partId: string,
  imageId: string,
  audit: AuditContext,
): Promise<void> {
  const storageKey = await inTransaction(deps.pool, async (tx) => {
    const part = await partRepository.findForUpdate(tx.db, brandId, partId);
    const image = part ? await partRepository.findImage(tx.db, partId, imageId) : undefined;
    if (!part || !image) throw new AppError('NOT_FOUND', { detail: 'No such image.' });
    await partRepository.deleteImage(tx.db, imageId);
    await recordPartChange(deps, tx, {
      audit,
      brandId,
      partId,
      action: 'part.image_deleted',
      before: presentPartImage(image),
      event: 'part.updated',
      payload: { partId, brandId, partNumber: part.partNumber, changes: ['images'] },
    });
    return image.storageKey;
  });
  await deps.storage.delete(storageKey);
}
