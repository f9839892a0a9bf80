/**
 * The inventory module's public surface: stock levels and the append-only movement ledger.
 * Other modules change stock only through the ledger (`applyStockChanges`), and a caller that
 * must read levels before it knows its changes locks them first in the ledger's order
 * (`lockStockLevels`); the CSV exports read the organization's stock with `exportStockLevels` and
 * `exportStockMovements`; what a location holds (`stockHeldAt`) is handed by the composition root
 * to the locations module, which refuses to archive a location with stock (locations cannot
 * import inventory: inventory asks it about locations). The demo world records its 90 days of
 * history in its own transaction through the operations' `record…` services (adjustments,
 * transfers, counts, reservations, thresholds: audited as over HTTP, dated with `occurredAt`).
 * The composition root registers the
 * routes, the reconciler job, its drift gauge and the doctor checks.
 */
export { adjustmentReasons, type AdjustmentReason } from './inventory.tables.js';
export { applyStockChanges, type StockChange } from './stock-ledger.js';
export { lockStockLevels } from './stock-level-lock.service.js';
export { stockHeldAt, type LocationStock } from './location-stock.service.js';
export { exportStockLevels, exportStockMovements } from './stock-export.service.js';
export type { OccurredAt } from './inventory.deps.js';
export { recordAdjustments, type AdjustmentInput } from './stock-adjustment.service.js';
export { recordTransfer, recordTransferReceipt } from './stock-transfer.service.js';
export { recordCount } from './stock-count.service.js';
export { recordReservation } from './integrator-reservation.service.js';
export { recordThresholds } from './stock-thresholds.service.js';
export {
  StockDriftMonitor,
  stockLedgerDoctorCheck,
  stockReconcileJob,
  stockReservationsDoctorCheck,
} from './stock-reconciler.js';
export { stockAuditLabels } from './stock-audit-labels.repository.js';
export { registerInventoryRoutes } from './inventory.routes.js';
