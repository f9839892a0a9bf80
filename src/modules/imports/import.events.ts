import type { ImportKind } from './import-job.tables.js';

declare module '../../platform/jobs/domain-events.js' {
  interface DomainEventMap {
    /**
     * A CSV import finished: one event per file, not per row. Counts say what changed; subscribers
     * that need the rows read the catalog or the ledger.
     */
    'import.finished': {
      importJobId: string;
      organizationId: string;
      kind: ImportKind;
      status: 'succeeded' | 'failed';
      total: number;
      created: number;
      updated: number;
      unchanged: number;
      failed: number;
    };
  }
}

export {};
