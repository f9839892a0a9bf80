import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { AppError } from '../../../src/platform/errors/app-error.js';
import {
  requestHash,
  withIdempotency,
} from '../../../src/platform/idempotency/idempotency.service.js';
import { adjustmentOperation } from '../../../src/modules/inventory/stock-adjustment.service.js';
import { reservationOperationNames } from '../../../src/modules/inventory/integrator-reservation.service.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertOrganization } from '../inventory/inventory-fixtures.js';

const database = useTestDatabase();

describe('withIdempotency on real PostgreSQL', () => {
  it('runs concurrent duplicates of one key once; the others replay the committed value', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool);
    let runs = 0;
    const request = {
      organizationId,
      operation: 'test.operation',
      key: 'k-1',
      requestBody: { a: 1, b: [2] },
    };
    const results = await Promise.all(
      Array.from({ length: 15 }, () =>
        inTransaction(pool, (tx) =>
          withIdempotency(tx, request, async () => {
            runs += 1;
            await tx.client.query('select pg_sleep(0.05)');
            return { run: runs };
          }),
        ),
      ),
    );
    expect(runs).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(results.every((r) => r.value.run === 1)).toBe(true);

    const reused = inTransaction(pool, (tx) =>
      withIdempotency(tx, { ...request, requestBody: { a: 2 } }, async () => ({})),
    );
    await expect(reused).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('keeps keys apart per operation name', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool);
    const run = (operation: string, value: string) =>
      inTransaction(pool, (tx) =>
        withIdempotency(
          tx,
          { organizationId, operation, key: 'same', requestBody: {} },
          async () => ({
            value,
          }),
        ),
      );
    expect(await run('test.one', 'first')).toEqual({ value: { value: 'first' }, replayed: false });
    expect(await run('test.two', 'second')).toEqual({
      value: { value: 'second' },
      replayed: false,
    });
    expect(await run('test.one', 'third')).toEqual({ value: { value: 'first' }, replayed: true });
  });

  it('forgets the key of an operation that failed, so a retry runs again', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool);
    const request = { organizationId, operation: 'test.operation', key: 'k-2', requestBody: {} };
    const failing = inTransaction(pool, (tx) =>
      withIdempotency(tx, request, async () => {
        throw new AppError('INSUFFICIENT_STOCK');
      }),
    );
    await expect(failing).rejects.toMatchObject({ code: 'INSUFFICIENT_STOCK' });
    const retried = await inTransaction(pool, (tx) =>
      withIdempotency(tx, request, async () => ({ ok: true })),
    );
    expect(retried).toEqual({ value: { ok: true }, replayed: false });
  });

  it('replays keys stored before the upgrade under their HTTP scope, once migration 0011 renamed them', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool);
    const legacy = [
      ['POST /api/v1/inventory/adjustments', adjustmentOperation],
      ['POST /api/v1/inventory/reservations', reservationOperationNames.reserve],
      ['POST /api/v1/inventory/reservations/release', reservationOperationNames.release],
      ['POST /api/v1/inventory/reservations/consume', reservationOperationNames.consume],
    ] as const;
    const body = { quantityDelta: 5 };
    for (const [scope] of legacy)
      await pool.query(
        `insert into idempotency_keys (organization_id, scope, key, request_hash, response_body)
         values ($1, $2, 'old-key', $3, $4::jsonb)`,
        [organizationId, scope, requestHash(body), JSON.stringify({ stored: scope })],
      );
    const migration = await fs.readFile('drizzle/0011_idempotency_operation_names.sql', 'utf8');
    const rename = migration
      .split('--> statement-breakpoint')
      .find((statement) => statement.includes('UPDATE "idempotency_keys"'));
    await pool.query(rename ?? 'missing rename statement');

    for (const [scope, operation] of legacy) {
      let ran = false;
      const replay = await inTransaction(pool, (tx) =>
        withIdempotency(
          tx,
          { organizationId, operation, key: 'old-key', requestBody: body },
          async () => {
            ran = true;
            return {};
          },
        ),
      );
      expect(ran).toBe(false);
      expect(replay).toEqual({ value: { stored: scope }, replayed: true });
      const other = inTransaction(pool, (tx) =>
        withIdempotency(
          tx,
          { organizationId, operation, key: 'old-key', requestBody: { quantityDelta: 6 } },
          async () => ({}),
        ),
      );
      await expect(other).rejects.toMatchObject({ code: 'IDEMPOTENCY_KEY_REUSED' });
    }
  });
});
