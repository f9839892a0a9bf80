import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { AppError } from '../../../src/platform/errors/app-error.js';
import { withIdempotency } from '../../../src/platform/idempotency/idempotency.service.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertOrganization } from '../inventory/inventory-fixtures.js';

const database = useTestDatabase();

describe('withIdempotency on real PostgreSQL', () => {
  it('runs concurrent duplicates of one key once; the others replay the committed answer', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool);
    let runs = 0;
    const request = {
      organizationId,
      scope: 'POST /test',
      key: 'k-1',
      requestBody: { a: 1, b: [2] },
    };
    const results = await Promise.all(
      Array.from({ length: 15 }, () =>
        inTransaction(pool, (tx) =>
          withIdempotency(tx, request, async () => {
            runs += 1;
            await tx.client.query('select pg_sleep(0.05)');
            return { status: 201, body: { run: runs } };
          }),
        ),
      ),
    );
    expect(runs).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(results.every((r) => r.status === 201 && r.body.run === 1)).toBe(true);

    const reused = inTransaction(pool, (tx) =>
      withIdempotency(tx, { ...request, requestBody: { a: 2 } }, async () => ({
        status: 201,
        body: {},
      })),
    );
    await expect(reused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('forgets the key of an operation that failed, so a retry runs again', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool);
    const request = { organizationId, scope: 'POST /test', key: 'k-2', requestBody: {} };
    const failing = inTransaction(pool, (tx) =>
      withIdempotency(tx, request, async () => {
        throw new AppError('INSUFFICIENT_STOCK');
      }),
    );
    await expect(failing).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    const retried = await inTransaction(pool, (tx) =>
      withIdempotency(tx, request, async () => ({ status: 201, body: { ok: true } })),
    );
    expect(retried).toEqual({ status: 201, body: { ok: true }, replayed: false });
  });
});
