declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    /** An organization added a pickup/return address. */
    'location.created': { locationId: string; organizationId: string; pincode: string };
    /** A location's name or address changed; `changed` lists the fields (`address.city`…). */
    'location.updated': {
      locationId: string;
      organizationId: string;
      pincode: string;
      changed: string[];
    };
    /** A location was archived: no stock is left there and none may arrive. */
    'location.archived': { locationId: string; organizationId: string };
  }
}

export {};
