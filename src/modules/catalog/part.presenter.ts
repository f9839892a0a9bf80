import type { PartImageRow, PartRow } from './part.repository.js';
import { gstBasisPointsToPercent } from './part.rules.js';
import type { PartImageView, PartRef, PartView } from './part.schemas.js';

/** A stored part as the API shows it (GST in percent, times as ISO strings). */
export function presentPart(row: Omit<PartRow, 'searchDocument' | 'searchVector'>): PartView {
  return {
    id: row.id,
    brandId: row.brandId,
    partNumber: row.partNumber,
    name: row.name,
    description: row.description,
    category: row.category,
    hsnCode: row.hsnCode,
    gstRatePercent:
      row.gstRateBasisPoints === null ? null : gstBasisPointsToPercent(row.gstRateBasisPoints),
    unitPricePaise: row.unitPricePaise,
    mrpPaise: row.mrpPaise,
    weightGrams: row.weightGrams,
    lengthCm: row.lengthCm,
    widthCm: row.widthCm,
    heightCm: row.heightCm,
    compatibleModels: row.compatibleModels,
    status: row.status,
    supersededByPartId: row.supersededByPartId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function partRef(row: PartRow): PartRef {
  return { id: row.id, partNumber: row.partNumber, name: row.name };
}

/** Where an image is served from (the API route, so visibility rules apply to images too). */
export function partImageUrl(partId: string, imageId: string): string {
  return `/api/v1/parts/${partId}/images/${imageId}`;
}

export function presentPartImage(row: PartImageRow): PartImageView {
  return {
    id: row.id,
    url: partImageUrl(row.partId, row.id),
    contentType: row.contentType,
    byteSize: row.byteSize,
    createdAt: row.createdAt.toISOString(),
  };
}
