declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    /** A brand added a part to its catalog. */
    'part.created': { partId: string; brandId: string; partNumber: string; status: string };
    /** A brand changed a part (fields, status, substitutes or images); `changes` names them. */
    'part.updated': { partId: string; brandId: string; partNumber: string; changes: string[] };
    /** A brand replaced a part by another; lookups and ordering follow the chain. */
    'part.superseded': {
      partId: string;
      brandId: string;
      partNumber: string;
      replacementPartId: string;
      replacementPartNumber: string;
    };
  }
}

export {};
