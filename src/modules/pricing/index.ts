/**
 * The pricing module's public surface: one shipping price engine for quotes, bookings and
 * invoices (ADR 0014). `quoteShipment(card, input)` is pure over a rate card version; bookings
 * price with `currentRateCard(db, at)`, keep the version's id and re-read it with
 * `rateCardVersion(db, id)`; a quote's `split` is what they post to the ledger
 * (`{ freightPaise, marginPaise, gstPaise }`). `reversePayer(reason)` says who pays a return.
 * The composition root registers the routes with the PIN directory, the audit labels of rate card
 * versions and the `rate card` doctor line.
 */
export {
  quoteShipment,
  type Box,
  type MarkupSubject,
  type Quote,
  type QuoteInput,
  type QuoteLine,
} from './quote.rules.js';
export type { Place } from './zone.rules.js';
export { zones, courierSac, gstBps, type RateCard, type Zone } from './rate-card.js';
export {
  reversePayer,
  returnReasons,
  type ReturnReason,
  type ReversePayer,
} from './reverse-payer.rules.js';
export { currentRateCard, rateCardVersion, type PricingDeps } from './pricing.service.js';
export { registerPricingRoutes } from './pricing.routes.js';
export { pricingAuditLabels } from './pricing-audit-labels.repository.js';
export { rateCardDoctorCheck } from './rate-card-doctor.js';
