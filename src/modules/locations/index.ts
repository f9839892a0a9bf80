/**
 * The locations module's public surface: an organization's pickup and return addresses, checked
 * against India Post's PIN directory. Other modules check that a location is the caller's with
 * `isOwnLocation` (archived ones included: history) or `locationStatus` (stock may only go to an
 * `active` one) and read names through the published `locationDirectory` view (id,
 * organization_id, name, city, archived_at); the demo world gives its organizations their locations
 * with `ensureLocations`; documents (tax invoices) take an organization's address from
 * `addressOnRecord`. The composition root hands the routes the PIN directory and the
 * inventory module's `stockHeld` (archiving is refused while stock is there).
 */
export { locationDirectory } from './location.tables.js';
export {
  ensureLocations,
  isOwnLocation,
  locationStatus,
  type LocationDeps,
  type NewLocation,
  type StockHeld,
} from './location.service.js';
export { addressOnRecord, type PostalAddress } from './registered-address.service.js';
export { locationAuditLabels } from './location-audit-labels.repository.js';
export { registerLocationRoutes } from './location.routes.js';
