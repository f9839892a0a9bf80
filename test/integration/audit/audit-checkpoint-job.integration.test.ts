import pino from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import {
  auditCheckpointJob,
  checkpointAuditChains,
} from '../../../src/modules/audit/audit-checkpoint.service.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import { useTestDatabase } from '../../support/test-database.js';
import { createTestQueue, waitUntil } from '../jobs/jobs-test-kit.js';
import { chainRows, newOrganizationId, recordCommitted, sampleEntry } from './audit-test-kit.js';

const database = useTestDatabase();
const organizationId = newOrganizationId();
let queue: JobQueue | undefined;

afterAll(async () => {
  await queue?.stop();
});

const checkpointsOf = async (source: string) =>
  (
    await database().pool.query<{ chain: string; sequence: number; hash: string }>(
      'select chain, sequence::int, hash from audit_checkpoints where source = $1 order by id',
      [source],
    )
  ).rows;

describe('audit chain checkpoints (the daily audit.checkpoint job)', () => {
  it('checkpoints each chain head that moved since its last checkpoint, and logs each as a witness', async () => {
    await recordCommitted(database().pool, [
      sampleEntry(1, { organizationId }),
      sampleEntry(2, { organizationId: null }),
      sampleEntry(3, { organizationId }),
    ]);
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const head = (await chainRows(database().pool, `org:${organizationId}`))[1]!;

    const first = await checkpointAuditChains(database().db, logger);
    expect(first.map((checkpoint) => [checkpoint.chain, checkpoint.sequence])).toEqual([
      [`org:${organizationId}`, 2],
      ['platform', 1],
    ]);
    const logged = lines.map(
      (line) => JSON.parse(line) as { msg: string; auditCheckpoint?: unknown },
    );
    expect(logged.filter((line) => line.msg === 'audit chain checkpoint')).toContainEqual(
      expect.objectContaining({
        auditCheckpoint: {
          chain: `org:${organizationId}`,
          sequence: 2,
          entryHash: head.hash,
          source: 'schedule',
        },
      }),
    );
    // Nothing moved: nothing new to record.
    expect(await checkpointAuditChains(database().db, logger)).toEqual([]);
    await recordCommitted(database().pool, [sampleEntry(4, { organizationId: null })]);
    expect(
      (await checkpointAuditChains(database().db, logger)).map((checkpoint) => checkpoint.chain),
    ).toEqual(['platform']);
    expect((await checkpointsOf('schedule')).map((row) => row.sequence)).toEqual([2, 1, 2]);
  });

  it('runs as a job scheduled daily in UTC', async () => {
    queue = createTestQueue(database());
    queue.define(auditCheckpointJob(database().db));
    await queue.start();
    const { rows } = await database().pool.query(
      "select cron, timezone from pgboss.schedule where name = 'audit.checkpoint'",
    );
    expect(rows).toEqual([{ cron: '10 0 * * *', timezone: 'UTC' }]);
    await recordCommitted(database().pool, [sampleEntry(5, { organizationId })]);
    const started = queue;
    await started.work();
    await inTransaction(database().pool, (tx) => started.enqueue(tx, 'audit.checkpoint', {}));
    await waitUntil('the job checkpointed the moved chain', async () =>
      (await checkpointsOf('schedule')).some(
        (row) => row.chain === `org:${organizationId}` && row.sequence === 3,
      ),
    );
  });
});
