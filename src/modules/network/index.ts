/**
 * The network module's public surface: brands and their authorised partners (distributors and
 * service centers), access requests and partner invitations. Other modules authorise brand data
 * with `isActivePartner` / `activePartnerBrandIds`; the demo world links its partners with
 * `ensureActivePartnerLink`; the composition root registers the routes with `NetworkDeps`.
 */
export {
  activePartnerBrandIds,
  ensureActivePartnerLink,
  isActivePartner,
} from './partner-access.service.js';
export type { NetworkDeps } from './network.deps.js';
export { networkAuditLabels } from './network-audit-labels.repository.js';
export { registerNetworkRoutes } from './network.routes.js';
export { registerNetworkListRoutes } from './network-lists.routes.js';
