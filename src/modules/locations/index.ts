/**
 * The locations module's public surface: an organization's pickup and return addresses. Other
 * modules check that a location is the caller's with `isOwnLocation` and read names through the
 * published `locationDirectory` view (id, organization_id, name); the demo world gives its
 * organizations their locations with `ensureLocations`.
 */
export { locationDirectory } from './location.tables.js';
export { ensureLocations, isOwnLocation, type NewLocation } from './location.service.js';
export { registerLocationRoutes } from './location.routes.js';
