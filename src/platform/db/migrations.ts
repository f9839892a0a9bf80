import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';

/** `src/platform/db` and `dist/platform/db` are both three levels below the package root. */
export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../drizzle',
);

/** Arbitrary constant shared by every SpareFlow process so only one migrates at a time. */
const migrationLockKey = 724_310_001;

interface JournalEntry {
  idx: number;
  when: number;
  tag: string;
}

async function readJournal(): Promise<JournalEntry[]> {
  const journal = JSON.parse(
    await fs.readFile(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as {
    entries: JournalEntry[];
  };
  return journal.entries;
}

/**
 * Applies the committed SQL migrations. Safe to call from several processes at once: an advisory
 * lock serialises them and drizzle skips what is already applied.
 */
export async function runMigrations(pool: pg.Pool): Promise<{ applied: number }> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [migrationLockKey]);
    const before = await migrationStatus(pool);
    await migrate(drizzle(client), { migrationsFolder });
    return { applied: before.pending.length };
  } finally {
    await client.query('select pg_advisory_unlock($1)', [migrationLockKey]).catch(() => undefined);
    client.release();
  }
}

export interface MigrationStatus {
  total: number;
  applied: number;
  /** Tags of committed migrations not yet applied to this database. */
  pending: string[];
}

export async function migrationStatus(pool: pg.Pool): Promise<MigrationStatus> {
  const entries = await readJournal();
  let lastApplied = 0;
  let applied = 0;
  const { rows: exists } = await pool.query<{ present: boolean }>(
    "select to_regclass('drizzle.__drizzle_migrations') is not null as present",
  );
  if (exists[0]?.present) {
    const { rows } = await pool.query<{ last: string | null; count: string }>(
      'select max(created_at)::text as last, count(*)::text as count from drizzle.__drizzle_migrations',
    );
    lastApplied = Number(rows[0]?.last ?? 0);
    applied = Number(rows[0]?.count ?? 0);
  }
  return {
    total: entries.length,
    applied,
    pending: entries.filter((entry) => entry.when > lastApplied).map((entry) => entry.tag),
  };
}
