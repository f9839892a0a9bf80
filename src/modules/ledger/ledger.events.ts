declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    /**
     * A posting took the wallet's available balance from above its low-balance threshold to at or
     * below it — once per slide, not again while it stays low (the rule of low stock:
     * platform/thresholds). Drives the "top up your wallet" notice.
     */
    'ledger.wallet_low_balance': {
      organizationId: string;
      availablePaise: number;
      thresholdPaise: number;
      postingReference: string;
    };
  }
}

export {};
