import client from 'prom-client';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { EventBus } from '../../../src/platform/jobs/domain-events.js';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import { applyStockChanges } from '../../../src/modules/inventory/stock-ledger.js';
import {
  reconcileStock,
  stockLedgerDoctorCheck,
  stockReservationsDoctorCheck,
  StockDriftMonitor,
} from '../../../src/modules/inventory/stock-reconciler.js';
import { reserveStock } from '../../../src/modules/inventory/stock-reservation.service.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertLocation, insertOrganization, insertPart } from './inventory-fixtures.js';

const database = useTestDatabase();

describe('stock reconciler', () => {
  it('reports no drift, then names a level edited behind the ledger (doctor, log, gauge)', async () => {
    const { pool, db } = database();
    const organizationId = await insertOrganization(pool);
    const location = await insertLocation(pool, organizationId);
    const part = await insertPart(pool, await insertOrganization(pool, 'brand'));
    await inTransaction(pool, (tx) =>
      applyStockChanges(tx, new EventBus({} as JobQueue, db), [
        {
          organizationId,
          locationId: location,
          partId: part,
          kind: 'adjustment',
          reason: 'receipt',
          onHandDelta: 5,
          actor: {},
        },
      ]),
    );
    const registry = new client.Registry();
    const monitor = new StockDriftMonitor();
    monitor.register(registry);
    const gauge = async () =>
      (await registry.getSingleMetric('spareflow_stock_drift_levels')?.get())?.values[0]?.value;
    expect(await gauge()).toBe(-1);

    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const doctor = stockLedgerDoctorCheck(pool);
    expect(await doctor.run()).toEqual({
      status: 'ok',
      detail: expect.stringMatching(/^no drift \(checked 1 levels at \d{4}-/),
    });
    monitor.last = await reconcileStock(pool, logger);
    expect(await gauge()).toBe(0);

    await pool.query('update stock_levels set on_hand = 7 where location_id = $1', [location]);
    const failed = await doctor.run();
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain(`location ${location} part ${part}: on hand 7 ≠ ledger 5`);
    monitor.last = await reconcileStock(pool, logger);
    expect(await gauge()).toBe(1);
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; drift?: unknown[] });
    expect(logged.at(-1)).toMatchObject({
      msg: expect.stringContaining('stock ledger drift'),
      drift: [{ locationId: location, onHand: 7, ledgerOnHand: 5 }],
    });
  });

  it('names a document whose holding was edited behind the ledger, and the level it no longer matches', async () => {
    const { pool, db } = database();
    const organizationId = await insertOrganization(pool);
    const location = await insertLocation(pool, organizationId);
    const part = await insertPart(pool, await insertOrganization(pool, 'brand'));
    const events = new EventBus({} as JobQueue, db);
    await inTransaction(pool, async (tx) => {
      await applyStockChanges(tx, events, [
        {
          organizationId,
          locationId: location,
          partId: part,
          kind: 'adjustment',
          reason: 'receipt',
          onHandDelta: 5,
          actor: {},
        },
      ]);
      await reserveStock(tx, events, {
        organizationId,
        document: { type: 'erp_order', id: 'SO-7' },
        actor: {},
        lines: [{ locationId: location, partId: part, quantity: 2 }],
      });
    });
    const registry = new client.Registry();
    const monitor = new StockDriftMonitor();
    monitor.register(registry);
    const gauge = async () =>
      (await registry.getSingleMetric('spareflow_reservation_drift_lines')?.get())?.values[0]
        ?.value;
    expect(await gauge()).toBe(-1);
    const doctor = stockReservationsDoctorCheck(pool);
    expect(await doctor.run()).toMatchObject({ status: 'ok' });
    const logger = pino({ level: 'silent' });
    monitor.last = await reconcileStock(pool, logger);
    expect(await gauge()).toBe(0);

    await pool.query('update stock_reservation_lines set held = 1 where part_id = $1', [part]);
    const failed = await doctor.run();
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain(`location ${location} part ${part}: reserved 2 ≠ documents 1`);
    expect(failed.detail).toContain(
      `erp_order SO-7 at location ${location} part ${part}: held 1 ≠ ledger 2`,
    );
    monitor.last = await reconcileStock(pool, logger);
    expect(await gauge()).toBe(2);
    expect(monitor.last.reservationDrift.map((row) => row.kind)).toEqual(['level', 'document']);
  });
});
