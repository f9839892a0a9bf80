/**
 * The document types of SpareFlow's own modules — the one list. Their reservations are made,
 * handed over and given up only by those modules, in their own transactions, through
 * stock-reservation.service.ts; the HTTP reservation routes refuse them
 * (DOCUMENT_TYPE_NOT_ALLOWED), so an API key can never release or consume what a shipment or a
 * spare request holds. A module that starts reserving for a new document type adds it here first.
 */
export const spareflowDocumentTypes = [
  'adjustment',
  'count',
  'import_job',
  'return',
  'shipment',
  'spare_request',
  'stock_count',
  'stock_transfer',
  'transfer',
] as const;
export type SpareflowDocumentType = (typeof spareflowDocumentTypes)[number];

const owned: ReadonlySet<string> = new Set(spareflowDocumentTypes);

/** Whether a document type belongs to SpareFlow's own modules (not an integrator's). */
export function isSpareflowDocumentType(type: string): boolean {
  return owned.has(type.trim().toLowerCase());
}
