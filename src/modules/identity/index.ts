/**
 * The identity module's public surface: organizations, users, memberships, sessions and API keys.
 * The composition root wires its routes, the access-token service and the request authenticator;
 * `spareflow admin create` makes platform administrators; the demo world provisions its accounts
 * through `ensureOrganization` and `ensureVerifiedMember` (its one password hashed once,
 * `sharedPasswordHash`). Other modules read organizations through the published
 * `organizationDirectory` view (id, type, name, status), a user's address through `emailOfUser`,
 * its name, legal name and GSTIN for invoices through `organizationTaxProfile`, the names of an
 * organization's members and API keys on its records through `actorNamesFor`
 * (never anyone outside it) and an inviter's contact through `memberContact`; the tables stay
 * identity's own.
 */
export { organizationDirectory } from './identity.tables.js';
export {
  createPlatformAdmin,
  ensureOrganization,
  type IdentityDeps,
} from './platform-admin.service.js';
export {
  ensureVerifiedMember,
  hasUserWithEmail,
  sharedPasswordHash,
} from './account-provisioning.service.js';
export { emailOfUser } from './user-lookup.service.js';
export { gstinProblem } from './tax-ids.js';
export { organizationTaxProfile, type OrganizationTaxProfile } from './tax-profile.service.js';
export { actorNamesFor, memberContact, type ActorNames } from './member-directory.service.js';
export { AccessTokenService } from './access-token.service.js';
export { createAuthenticator } from './authenticator.js';
export { AccountEmails } from './account-emails.js';
export { identityAuditLabels } from './identity-audit-labels.repository.js';
export { registerAuthRoutes } from './auth.routes.js';
export { registerAccountRecoveryRoutes } from './account-recovery.routes.js';
export { registerOrganizationRoutes } from './organization.routes.js';
export { registerPlatformOrganizationRoutes } from './platform-organizations.routes.js';
export { registerTeamRoutes } from './team.routes.js';
export { registerTeamInvitationAdminRoutes } from './team-invitation-admin.routes.js';
