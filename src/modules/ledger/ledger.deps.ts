import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';

/** What the ledger's routes need from the composition root. */
export interface LedgerDeps {
  pool: pg.Pool;
  db: Db;
}
