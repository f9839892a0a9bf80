// The one place drizzle-kit and the query layer learn about every table.
export * from '../../modules/identity/identity.tables.js';
export * from '../jobs/domain-event.tables.js';
export * from '../../modules/identity/session.tables.js';
export * from '../../modules/audit/audit.tables.js';
export * from '../../modules/locations/location.tables.js';
export * from '../../modules/network/network.tables.js';
export * from '../idempotency/idempotency.tables.js';
export * from '../../modules/catalog/catalog.tables.js';
export * from '../../modules/inventory/inventory.tables.js';
export * from '../../modules/imports/import-job.tables.js';
export * from '../../modules/invoicing/invoicing.tables.js';
export * from '../../modules/pricing/pricing.tables.js';
export * from '../../modules/ledger/ledger.tables.js';
export * from '../../modules/payments/payments.tables.js';
export * from '../../modules/payments/razorpay-simulator.tables.js';
export * from '../../modules/shipping/dtdc-simulator.tables.js';
