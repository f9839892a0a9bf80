import client from 'prom-client';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { holdFunds } from '../../../src/modules/ledger/index.js';
import {
  LedgerDriftMonitor,
  ledgerDoctorCheck,
  reconcileLedger,
} from '../../../src/modules/ledger/ledger-reconciler.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertOrganization } from '../inventory/inventory-fixtures.js';
import { fund } from './ledger-test-kit.js';

const database = useTestDatabase();

describe('money ledger reconciler', () => {
  it('reports no drift, then names a wallet edited behind the ledger and a held balance without its holds (doctor, log, gauge)', async () => {
    const { pool } = database();
    const organizationId = await insertOrganization(pool, 'brand');
    await fund(pool, organizationId, 10_000);
    await inTransaction(pool, (tx) =>
      holdFunds(tx, { organizationId, amountPaise: 4_000, reference: 'shipment:r1' }),
    );
    const registry = new client.Registry();
    const monitor = new LedgerDriftMonitor();
    monitor.register(registry);
    const gauge = async () =>
      (await registry.getSingleMetric('spareflow_ledger_drift_accounts')?.get())?.values[0]?.value;
    expect(await gauge()).toBe(-1);

    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const doctor = ledgerDoctorCheck(pool);
    expect(await doctor.run()).toEqual({
      status: 'ok',
      detail: expect.stringMatching(/^no drift \(checked 2 wallet accounts at \d{4}-/),
    });
    monitor.last = await reconcileLedger(pool, logger);
    expect(await gauge()).toBe(0);

    await pool.query(
      `update ledger_accounts set balance_paise = 7000 where organization_id = $1 and kind = 'wallet_available'`,
      [organizationId],
    );
    await pool.query(`update ledger_holds set status = 'released' where reference = 'shipment:r1'`);
    const failed = await doctor.run();
    expect(failed.status).toBe('fail');
    expect(failed.detail).toContain(
      `wallet_available of organization ${organizationId}: cached 7000 ≠ ledger 6000`,
    );
    expect(failed.detail).toContain(
      `wallet_held of organization ${organizationId}: held 4000 ≠ open holds 0`,
    );
    monitor.last = await reconcileLedger(pool, logger);
    expect(await gauge()).toBe(2);
    const logged = lines.map((line) => JSON.parse(line) as { msg: string; drift?: unknown[] });
    expect(logged.at(-1)).toMatchObject({
      msg: expect.stringContaining('money ledger drift'),
      drift: expect.arrayContaining([
        expect.objectContaining({ kind: 'wallet_available', cachedPaise: 7000, ledgerPaise: 6000 }),
      ]),
    });
  });
});
