declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    /**
     * A top-up's payment was captured and the wallet credited (once, whether verification or a
     * webhook got there first). Published in the crediting transaction. Invoicing issues a
     * receipt voucher for the advance.
     */
    'payments.topup_credited': {
      topupId: string;
      organizationId: string;
      amountPaise: number;
      razorpayPaymentId: string;
      creditedAt: string;
    };
    /** Razorpay paid a refund of a top-up out; the ledger settled it. */
    'payments.refund_processed': {
      refundId: string;
      topupId: string;
      organizationId: string;
      amountPaise: number;
    };
  }
}

export {};
