/**
 * The payments module's public surface (ADR 0013): Razorpay behind the payment-gateway port,
 * wallet top-ups (order, checkout, verification, webhooks), refunds and the daily reconciliation.
 * The composition root wires the secrets, the sandbox simulator, the gateway, the jobs and the
 * routes; other modules react to `payments.topup_credited` / `payments.refund_processed`.
 */
import './payments.events.js';

export type {
  PaymentGatewayPort,
  GatewayOrder,
  GatewayPayment,
  GatewayRefund,
} from './payment-gateway.port.js';
export { PaymentGatewayError } from './payment-gateway.port.js';
export type { PaymentsDeps } from './payments.deps.js';
export {
  razorpayGateway,
  razorpaySandboxSimulators,
  razorpaySecrets,
  type RazorpaySecrets,
} from './payments.wiring.js';
export { announceRazorpayWebhookUrl } from './razorpay-simulator/razorpay-simulator.js';
export { registerPaymentRoutes } from './payments.routes.js';
// The demo world funds its wallets through the same services the web app's Top up uses.
export { createTopup, verifyTopup } from './topup.service.js';
export { requestRefund } from './refund.service.js';
export { razorpayWebhookJob } from './razorpay-webhook.service.js';
export { refundSubmitJob } from './refund.service.js';
export {
  paymentReconcileJob,
  paymentReconciliationDoctorCheck,
  reconcilePayments,
  registerReconciliationGauge,
} from './payment-reconciliation.service.js';
