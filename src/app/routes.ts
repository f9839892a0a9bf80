import type { FastifyZodApp } from '../platform/http/fastify-types.js';
import { registerHealthRoutes } from '../platform/health/health.routes.js';
import { registerAuditRoutes } from '../modules/audit/index.js';
import {
  actorNamesFor,
  identityAuditLabels,
  registerAccountRecoveryRoutes,
  registerAuthRoutes,
  registerOrganizationRoutes,
  registerPlatformOrganizationRoutes,
  registerTeamRoutes,
} from '../modules/identity/index.js';
import { locationAuditLabels, registerLocationRoutes } from '../modules/locations/index.js';
import {
  registerInventoryRoutes,
  stockAuditLabels,
  stockHeldAt,
} from '../modules/inventory/index.js';
import { partAuditLabels, registerCatalogRoutes } from '../modules/catalog/index.js';
import {
  registerLedgerAdminRoutes,
  registerWalletRoutes,
  walletAuditLabels,
} from '../modules/ledger/index.js';
import { registerSandboxMailboxRoutes } from '../modules/notifications/index.js';
import { readinessChecks, registerSystemInfoRoutes, systemInfo } from '../modules/ops/index.js';
import { importAuditLabels, registerImportRoutes } from '../modules/imports/index.js';
import { registerInvoiceRoutes } from '../modules/invoicing/index.js';
import {
  networkAuditLabels,
  registerNetworkRoutes,
  type NetworkDeps,
} from '../modules/network/index.js';
import { pricingAuditLabels, registerPricingRoutes } from '../modules/pricing/index.js';
import { registerPaymentRoutes } from '../modules/payments/index.js';
import type { Container } from './container.js';
import { registerManagementRoutes } from './management-routes.js';

/**
 * The route table: every module's routes, registered in one place. Later capabilities add their
 * `register…Routes(app, deps)` call here under `/api/v1`.
 */
export function registerRoutes(
  app: FastifyZodApp,
  container: Container,
  isShuttingDown: () => boolean,
): void {
  registerHealthRoutes(app, readinessChecks(container.database, container.jobs), isShuttingDown);
  // The mailbox shows whatever the sandbox SMTP sink caught, password-reset links included: a
  // production process never serves it, not even when ALLOW_SANDBOX_IN_PRODUCTION lets e-mail
  // run simulated (those e-mails are then simply not delivered anywhere).
  const mailboxSink = container.config.isProduction ? undefined : container.emailSink;
  registerSystemInfoRoutes(
    app,
    systemInfo(container.config, { sandboxMailbox: mailboxSink !== undefined }),
  );
  registerAuthRoutes(app, {
    identity: container.identity,
    accessTokens: container.accessTokens,
    origins: {
      appUrl: container.config.http.appUrl,
      corsOrigins: container.config.http.corsOrigins,
    },
  });
  const { accountEmails } = container.identity;
  if (accountEmails) registerAccountRecoveryRoutes(app, container.identity, accountEmails);
  // Sandbox only, and never in production: otherwise the route does not exist (404).
  if (mailboxSink) registerSandboxMailboxRoutes(app, mailboxSink);
  registerOrganizationRoutes(app, container.database);
  // The audit log names people, keys and targets through their owners' readers.
  registerAuditRoutes(app, container.database.db, {
    actorNames: actorNamesFor,
    targets: [
      identityAuditLabels,
      partAuditLabels,
      locationAuditLabels,
      networkAuditLabels,
      stockAuditLabels,
      importAuditLabels,
      pricingAuditLabels,
      walletAuditLabels,
    ],
  });
  const { pool, db } = container.database;
  // Links in e-mails without APP_URL and outside a request (see platform/http/public-links.ts).
  const fallbackOrigin = `http://localhost:${container.config.http.port}`;
  registerTeamRoutes(app, {
    ...container.identity,
    outbox: container.emailOutbox,
    appUrl: container.config.http.appUrl,
    fallbackOrigin,
  });
  registerPlatformOrganizationRoutes(app, { pool, db });
  registerLocationRoutes(app, {
    pool,
    db,
    events: container.events,
    pins: container.pins,
    stockHeld: stockHeldAt,
  });
  registerInventoryRoutes(app, { pool, db, events: container.events });
  registerCatalogRoutes(app, {
    pool,
    db,
    reads: container.database.reads,
    events: container.events,
    storage: container.storage,
  });
  const network: NetworkDeps = {
    pool,
    db,
    events: container.events,
    invitations: {
      emailMode: container.config.integrations.email,
      appUrl: container.config.http.appUrl,
      fallbackOrigin,
      outbox: container.emailOutbox,
    },
  };
  registerNetworkRoutes(app, network);
  registerImportRoutes(app, { ...container.imports, jobs: container.jobs });
  registerInvoiceRoutes(app, { db });
  registerWalletRoutes(app, { pool, db });
  registerLedgerAdminRoutes(app, { pool, db });
  registerManagementRoutes(app, network);
  registerPricingRoutes(app, { pool, db, pins: container.pins });
  registerPaymentRoutes(app, container.payments);
}
