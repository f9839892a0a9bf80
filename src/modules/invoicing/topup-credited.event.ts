/**
 * The event the payments module publishes when a top-up is credited to a wallet (the shared
 * contract of issue 12). Declared here as well so invoicing compiles on its own; the declarations
 * merge and must stay identical to payments' own.
 */
declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    'payments.topup_credited': {
      topupId: string;
      organizationId: string;
      amountPaise: number;
      razorpayPaymentId: string;
      /** ISO 8601 instant. */
      creditedAt: string;
    };
  }
}

export {};
