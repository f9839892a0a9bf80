import { inArray } from 'drizzle-orm';
import { uuidIds, type AuditTargetLabels } from '../audit/index.js';
import { importJobs } from './import-job.tables.js';

const rows = new Intl.NumberFormat('en-IN');

/** Audit targets the imports module owns: a job as "Stock import, 1,240 rows". */
export const importAuditLabels: AuditTargetLabels = {
  entityTypes: ['import_job'],
  async labels(db, { ids }) {
    const keys = uuidIds(ids);
    if (keys.length === 0) return new Map();
    const jobs = await db
      .select({ id: importJobs.id, kind: importJobs.kind, total: importJobs.total })
      .from(importJobs)
      .where(inArray(importJobs.id, keys));
    return new Map(
      jobs.map((job) => {
        const what = job.kind === 'parts' ? 'Parts import' : 'Stock import';
        const size =
          job.total === null
            ? ''
            : `, ${rows.format(job.total)} ${job.total === 1 ? 'row' : 'rows'}`;
        return [job.id, `${what}${size}`];
      }),
    );
  },
};
