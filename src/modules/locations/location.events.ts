declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    /** An organization added a pickup/return address. */
    'location.created': { locationId: string; organizationId: string; pincode: string };
  }
}

export {};
