declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    /**
     * Available stock of a part at a location fell to or below its reorder point (or minimum) —
     * published once when it crosses, not again while it stays low. Drives replenishment.
     */
    'stock.low': {
      organizationId: string;
      locationId: string;
      partId: string;
      available: number;
      threshold: number;
      reorderPoint: number | null;
      minQuantity: number | null;
    };
  }
}

export {};
