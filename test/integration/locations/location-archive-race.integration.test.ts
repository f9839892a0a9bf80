import { drizzle } from 'drizzle-orm/node-postgres';
import { describe, expect, it, vi } from 'vitest';
import type { Db } from '../../../src/platform/db/database.js';
import * as schema from '../../../src/platform/db/schema.js';
import type { Tx } from '../../../src/platform/db/transaction.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { isAppError } from '../../../src/platform/errors/app-error.js';
import { createPinDirectory } from '../../../src/platform/geo/pin-directory.js';
import { EventBus } from '../../../src/platform/jobs/domain-events.js';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import { applyStockChanges, stockHeldAt } from '../../../src/modules/inventory/index.js';
import {
  archiveLocation,
  updateLocation,
} from '../../../src/modules/locations/location-edit.service.js';
import type { LocationDeps } from '../../../src/modules/locations/index.js';
import { blockedBy } from '../audit/audit-test-kit.js';
import { insertLocation, insertOrganization, insertPart } from '../inventory/inventory-fixtures.js';
import { useTestDatabase } from '../../support/test-database.js';

const database = useTestDatabase();
const events = () => new EventBus({} as JobQueue, database().db);
const audit = { actor: {}, requestId: null, ip: null };

function deps(): LocationDeps {
  const { pool, db } = database();
  return {
    pool,
    db,
    events: events(),
    // The fixtures' locations are at PIN 411001, Pune.
    pins: createPinDirectory(async () => [
      {
        name: 'Pune',
        pincode: 411001,
        circle: 'Maharashtra',
        district: 'Pune',
        division: 'Pune City East',
        region: 'Pune',
        state: 'Maharashtra',
      },
    ]),
    stockHeld: stockHeldAt,
  };
}

/** A transaction on its own connection, left open until the test ends it. */
async function openTransaction() {
  const client = await database().pool.connect();
  await client.query('begin');
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const end = async (statement: 'commit' | 'rollback') => {
    try {
      await client.query(statement);
    } finally {
      client.release();
    }
  };
  const tx: Tx = { client, db: drizzle(client, { schema }) as unknown as Db };
  return { tx, pid: rows[0]!.pid, commit: () => end('commit'), rollback: () => end('rollback') };
}

const receipt = (organizationId: string, locationId: string, partId: string) => ({
  organizationId,
  locationId,
  partId,
  kind: 'adjustment' as const,
  reason: 'receipt' as const,
  onHandDelta: 4,
  actor: {},
});

async function codeOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
    return 'ok';
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
}

describe('archiving a location while stock moves there (real PostgreSQL)', () => {
  it('an archive waits for a stock operation in flight, then sees its stock and refuses', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool, 'brand');
    const locationId = await insertLocation(pool, organizationId);
    const partId = await insertPart(pool, organizationId);

    const stockOp = await openTransaction();
    await applyStockChanges(stockOp.tx, events(), [receipt(organizationId, locationId, partId)]);
    const archive = codeOf(archiveLocation(deps(), organizationId, locationId, audit));
    try {
      await vi.waitFor(async () => expect((await blockedBy(pool, stockOp.pid)).length).toBe(1), {
        timeout: 30_000,
        interval: 50,
      });
    } finally {
      await stockOp.commit();
    }
    expect(await archive).toBe('LOCATION_HOLDS_STOCK');
  });

  it('a stock operation waits for an archive in flight, then finds the location archived', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool, 'brand');
    const locationId = await insertLocation(pool, organizationId);
    const partId = await insertPart(pool, organizationId);

    const archiving = await openTransaction();
    await archiving.tx.client.query('select id from locations where id = $1 for update', [
      locationId,
    ]);
    await archiving.tx.client.query('update locations set archived_at = now() where id = $1', [
      locationId,
    ]);
    const stockOp = codeOf(
      inTransaction(pool, (tx) =>
        applyStockChanges(tx, events(), [receipt(organizationId, locationId, partId)]),
      ),
    );
    try {
      await vi.waitFor(async () => expect((await blockedBy(pool, archiving.pid)).length).toBe(1), {
        timeout: 30_000,
        interval: 50,
      });
    } finally {
      await archiving.commit();
    }
    expect(await stockOp).toBe('LOCATION_ARCHIVED');
    const { rows } = await pool.query('select 1 from stock_levels where location_id = $1', [
      locationId,
    ]);
    expect(rows).toEqual([]);
  });

  it('an edit does not wait for a stock operation in flight', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool, 'brand');
    const locationId = await insertLocation(pool, organizationId);
    const partId = await insertPart(pool, organizationId);

    const stockOp = await openTransaction();
    try {
      await applyStockChanges(stockOp.tx, events(), [receipt(organizationId, locationId, partId)]);
      // An edit locks `for no key update`, which the ledger's `for key share` lets through.
      const edited = await updateLocation(
        deps(),
        organizationId,
        locationId,
        { name: 'Renamed while receiving' },
        audit,
      );
      expect(edited.name).toBe('Renamed while receiving');
    } finally {
      await stockOp.rollback();
    }
  });
});
