import type { FastifyZodApp } from '../platform/http/fastify-types.js';
import { registerTeamInvitationAdminRoutes } from '../modules/identity/team-invitation-admin.routes.js';
import { registerNetworkListRoutes } from '../modules/network/network-lists.routes.js';
import type { Container } from './container.js';

/**
 * The lists and controls the web app manages the organization with: access requests, the brand
 * directory, partner and staff invitations (listing and revoking).
 */
export function registerManagementRoutes(app: FastifyZodApp, container: Container): void {
  const { pool, db } = container.database;
  registerNetworkListRoutes(app, {
    pool,
    db,
    events: container.events,
    invitations: {
      emailMode: container.config.integrations.email,
      appUrl: container.config.http.appUrl,
      outbox: container.emailOutbox,
    },
  });
  registerTeamInvitationAdminRoutes(app, { pool, db });
}
