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
    /** Stock was adjusted by hand (receipt, damage, loss, return, correction). */
    'stock.adjusted': {
      organizationId: string;
      locationId: string;
      partId: string;
      movementId: number;
      quantityDelta: number;
      reason: string;
    };
    /** Stock was reserved, released or consumed over the API for an outside reference. */
    'stock.reservation_changed': {
      organizationId: string;
      operation: 'reserve' | 'release' | 'consume';
      referenceType: string;
      referenceId: string;
    };
    /** Stock left one own location for another (now in transit there). */
    'stock.transfer_sent': {
      organizationId: string;
      transferId: string;
      fromLocationId: string;
      toLocationId: string;
    };
    /** A transfer arrived: its stock moved from in transit to on hand. */
    'stock.transfer_received': { organizationId: string; transferId: string; toLocationId: string };
    /** A cycle count was applied at a location. */
    'stock.counted': {
      organizationId: string;
      countId: string;
      locationId: string;
      differences: number;
    };
    /** The min / max / reorder point of a level changed. */
    'stock.thresholds_changed': {
      organizationId: string;
      locationId: string;
      partId: string;
      minQuantity: number | null;
      maxQuantity: number | null;
      reorderPoint: number | null;
    };
  }
}

export {};
