/**
 * The catalog module's public surface: brands' parts, their search, images, substitutes and
 * supersession. Other modules read parts through the published `partDirectory` view (id,
 * brand_id, part_number, name, status, unit_price_paise); the CSV import and export write and read a brand's
 * catalog in bulk (`upsertBrandParts`, `streamBrandParts`) and validate rows with the API's own
 * part schema and GST rules; the demo world writes its catalog in bulk too, finds the ids with
 * `brandPartIds` and links supersessions and substitutes in its transaction
 * (`recordSupersession`, `recordSubstitutes`, audited as over HTTP); the composition root
 * registers the routes.
 */
export { partDirectory, type PartStatus } from './catalog.tables.js';
export { newPartSchema, type NewPart } from './part.schemas.js';
export { gstBasisPointsToPercent, gstPercentToBasisPoints } from './part.rules.js';
export type { BulkPart } from './part-bulk.repository.js';
export { brandPartIds, streamBrandParts, upsertBrandParts } from './part-bulk.service.js';
export { recordSubstitutes, recordSupersession } from './part-links.service.js';
export { partAuditLabels } from './part-audit-labels.repository.js';
export { registerCatalogRoutes } from './catalog.routes.js';
