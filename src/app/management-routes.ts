import type { FastifyZodApp } from '../platform/http/fastify-types.js';
import { registerTeamInvitationAdminRoutes } from '../modules/identity/index.js';
import { registerNetworkListRoutes, type NetworkDeps } from '../modules/network/index.js';

/**
 * The lists and controls the web app manages the organization with: access requests, the brand
 * directory, partner and staff invitations (listing, resending and revoking). Takes the network
 * module's dependencies as the route table built them, so both share one configuration (the
 * staff invitations' e-mail links too).
 */
export function registerManagementRoutes(app: FastifyZodApp, network: NetworkDeps): void {
  registerNetworkListRoutes(app, network);
  registerTeamInvitationAdminRoutes(app, {
    pool: network.pool,
    db: network.db,
    outbox: network.invitations.outbox,
    appUrl: network.invitations.appUrl,
    fallbackOrigin: network.invitations.fallbackOrigin,
  });
}
