import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/database.js';
import { importJobs, type ImportKind, type ImportRowError } from './import-job.tables.js';

export type ImportJobRow = typeof importJobs.$inferSelect;

/** What a batch's rows did (see the columns of `import_jobs`). */
export interface ImportOutcomeCounts {
  created: number;
  updated: number;
  unchanged: number;
  /** Rows of the batch with errors (not imported). */
  failed: number;
}

/** Reads and writes of `import_jobs`: one row per uploaded file and its progress. */
export const importJobRepository = {
  async insert(
    db: Db,
    values: {
      id: string;
      organizationId: string;
      kind: ImportKind;
      options: Record<string, unknown>;
      sourceKey: string;
      checksum: string;
      createdByUserId: string | null;
    },
  ): Promise<ImportJobRow> {
    const [row] = await db.insert(importJobs).values(values).returning();
    if (!row) throw new Error('import job insert returned nothing');
    return row;
  },

  /** The latest job of this organization for the same file bytes and the same options. */
  async findSame(
    db: Db,
    organizationId: string,
    kind: ImportKind,
    checksum: string,
    options: Record<string, unknown>,
  ): Promise<ImportJobRow | undefined> {
    const [row] = await db
      .select()
      .from(importJobs)
      .where(
        and(
          eq(importJobs.organizationId, organizationId),
          eq(importJobs.kind, kind),
          eq(importJobs.checksum, checksum),
          sql`${importJobs.options} = ${JSON.stringify(options)}::jsonb`,
        ),
      )
      .orderBy(desc(importJobs.createdAt))
      .limit(1);
    return row;
  },

  async find(db: Db, organizationId: string, id: string): Promise<ImportJobRow | undefined> {
    const [row] = await db
      .select()
      .from(importJobs)
      .where(and(eq(importJobs.id, id), eq(importJobs.organizationId, organizationId)));
    return row;
  },

  async findById(db: Db, id: string): Promise<ImportJobRow | undefined> {
    const [row] = await db.select().from(importJobs).where(eq(importJobs.id, id));
    return row;
  },

  /**
   * A started run. Progress starts over unless `keepProgress` (a retried run that resumes after
   * the rows its earlier attempt committed).
   */
  async markRunning(db: Db, id: string, keepProgress: boolean): Promise<void> {
    await db
      .update(importJobs)
      .set({
        status: 'running',
        startedAt: sql`now()`,
        ...(keepProgress
          ? {}
          : {
              processed: 0,
              created: 0,
              updated: 0,
              unchanged: 0,
              failed: 0,
              total: null,
              errors: [],
            }),
        finishedAt: null,
      })
      .where(eq(importJobs.id, id));
  },

  async setValidated(db: Db, id: string, total: number, errors: ImportRowError[]): Promise<void> {
    await db.update(importJobs).set({ total, errors }).where(eq(importJobs.id, id));
  },

  /** `rows` more rows of the file read (progress). */
  async addProcessed(db: Db, id: string, rows: number): Promise<void> {
    await db
      .update(importJobs)
      .set({ processed: sql`${importJobs.processed} + ${rows}` })
      .where(eq(importJobs.id, id));
  },

  /** What one batch did; call it in the batch's transaction. */
  async addOutcome(db: Db, id: string, outcome: ImportOutcomeCounts): Promise<void> {
    const { created, updated, unchanged, failed } = outcome;
    await db
      .update(importJobs)
      .set({
        created: sql`${importJobs.created} + ${created}`,
        updated: sql`${importJobs.updated} + ${updated}`,
        unchanged: sql`${importJobs.unchanged} + ${unchanged}`,
        failed: sql`${importJobs.failed} + ${failed}`,
      })
      .where(eq(importJobs.id, id));
  },

  async finish(
    db: Db,
    id: string,
    outcome: {
      status: 'succeeded' | 'failed';
      errors?: ImportRowError[];
      processed?: number;
      total?: number | null;
      /** Replaces the counted bad rows (an import that failed before writing knows them all). */
      failed?: number;
    },
  ): Promise<void> {
    await db
      .update(importJobs)
      .set({
        status: outcome.status,
        finishedAt: sql`now()`,
        ...(outcome.errors ? { errors: outcome.errors } : {}),
        ...(outcome.processed !== undefined ? { processed: outcome.processed } : {}),
        ...(outcome.total !== undefined ? { total: outcome.total } : {}),
        ...(outcome.failed !== undefined ? { failed: outcome.failed } : {}),
      })
      .where(eq(importJobs.id, id));
  },
};
