/**
 * The ledger module's public surface: the double-entry money ledger and the wallets (ADR 0011).
 * Other modules move money only through these functions, each one balanced posting in the
 * caller's transaction, idempotent by its `reference`: payments credit top-ups and debit, settle
 * and reverse refunds; shipments (issue 13) hold a charge, then capture or release it.
 * `walletBalance` reads a wallet. The composition root connects the event bus
 * (`connectLedgerEvents`), registers the routes, the reconciler job, its gauge and doctor line.
 */
export {
  captureHold,
  creditTopUp,
  debitForRefund,
  holdFunds,
  releaseHold,
  reverseRefund,
  settleRefund,
  walletBalance,
} from './wallet-postings.service.js';
export type { CaptureLines } from './ledger.rules.js';
export { connectLedgerEvents } from './ledger-event-bus.js';
export {
  LedgerDriftMonitor,
  ledgerDoctorCheck,
  ledgerReconcileJob,
  reconcileLedger,
} from './ledger-reconciler.js';
export { registerWalletRoutes } from './wallet.routes.js';
export { registerLedgerAdminRoutes } from './ledger-admin.routes.js';
export { walletAuditLabels } from './wallet-audit-labels.repository.js';
