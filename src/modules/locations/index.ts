/**
 * The locations module's public surface: an organization's pickup and return addresses. Other
 * modules check that a location is the caller's with `isOwnLocation` and read names through the
 * published `locationDirectory` view (id, organization_id, name, city); the demo world gives its
 * organizations a first location with `ensureFirstLocation`.
 */
export { locationDirectory } from './location.tables.js';
export { ensureFirstLocation, isOwnLocation, type NewLocation } from './location.service.js';
export { locationAuditLabels } from './location-audit-labels.repository.js';
export { registerLocationRoutes } from './location.routes.js';
