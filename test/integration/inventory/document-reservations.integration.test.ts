import fs from 'node:fs/promises';
import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import {
  consumeStock,
  heldByDocument,
  releaseStock,
  reserveStock,
  transferReservation,
  type ReservationDocument,
} from '../../../src/modules/inventory/stock-reservation.service.js';
import { reservationReconciliationRepository } from '../../../src/modules/inventory/reservation-reconciliation.repository.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertLocation, insertOrganization, insertPart } from './inventory-fixtures.js';
import { holdingsOf, quietEvents, receiveStock, stockSnapshot } from './reservation-test-kit.js';

const database = useTestDatabase();

let organizationId: string;
let brandId: string;
let location: string;

beforeAll(async () => {
  const { pool } = database();
  organizationId = await insertOrganization(pool);
  brandId = await insertOrganization(pool, 'brand');
  location = await insertLocation(pool, organizationId);
});

async function freshPart(stock: number): Promise<string> {
  const { pool, db } = database();
  const part = await insertPart(pool, brandId);
  await receiveStock(pool, db, organizationId, location, part, stock);
  return part;
}

type Operation = typeof reserveStock;
function run(
  operation: Operation,
  document: ReservationDocument,
  partId: string,
  ...quantities: number[]
) {
  return inTransaction(database().pool, (tx) =>
    operation(tx, quietEvents(database().db), {
      organizationId,
      document,
      actor: {},
      lines: quantities.map((quantity) => ({ locationId: location, partId, quantity })),
    }),
  );
}

const orderA = { type: 'erp_order', id: 'A' };
const orderB = { type: 'erp_order', id: 'B' };

describe('document-bound reservations (real PostgreSQL)', () => {
  it('release and consume never take more than the document holds; refused, nothing changes', async () => {
    const part = await freshPart(10);
    await run(reserveStock, orderA, part, 3);
    await run(reserveStock, orderB, part, 2);
    const before = await stockSnapshot(database().pool, organizationId);

    for (const operation of [releaseStock, consumeStock]) {
      await expect(run(operation, orderB, part, 3)).rejects.toMatchObject({
        code: 'RESERVATION_EXCEEDED',
        errors: [{ path: 'lines.0' }],
        extensions: {
          lines: [
            {
              line: 0,
              referenceType: 'erp_order',
              referenceId: 'B',
              locationId: location,
              partId: part,
              held: 2,
              requested: 3,
            },
          ],
        },
      });
      // Two lines of one request are judged together: 2 + 1 > 2.
      await expect(run(operation, orderB, part, 2, 1)).rejects.toMatchObject({
        code: 'RESERVATION_EXCEEDED',
        extensions: { lines: [{ line: 0, held: 2, requested: 3 }, { line: 1 }] },
      });
    }
    expect(await stockSnapshot(database().pool, organizationId)).toEqual(before);
  });

  it("a document that holds nothing cannot touch another document's reservation (a redelivered release)", async () => {
    const part = await freshPart(10);
    const orderA = { type: 'erp_order', id: 'A2' };
    const orderB = { type: 'erp_order', id: 'B2' };
    await run(reserveStock, orderA, part, 4);
    await run(reserveStock, orderB, part, 3);
    await run(releaseStock, orderA, part, 4);
    const before = await stockSnapshot(database().pool, organizationId);
    // The same release delivered again: the level still reserves 3 (B's), but A holds nothing.
    await expect(run(releaseStock, orderA, part, 4)).rejects.toMatchObject({
      code: 'RESERVATION_EXCEEDED',
      extensions: { lines: [{ referenceId: 'A2', held: 0, requested: 4 }] },
    });
    await expect(run(consumeStock, { type: 'erp_order', id: 'C' }, part, 1)).rejects.toMatchObject({
      code: 'RESERVATION_EXCEEDED',
      extensions: { lines: [{ referenceId: 'C', held: 0, requested: 1 }] },
    });
    expect(await stockSnapshot(database().pool, organizationId)).toEqual(before);
    expect(await heldByDocument(database().pool, organizationId, orderB)).toEqual([
      { locationId: location, partId: part, held: 3 },
    ]);
  });

  it('reserving again adds to the document line; consuming takes stock out of on hand', async () => {
    const part = await freshPart(10);
    const order = { type: 'erp_order', id: 'adds' };
    await run(reserveStock, order, part, 1);
    const second = await run(reserveStock, order, part, 2, 1);
    expect(second.holdings).toEqual([
      {
        referenceType: 'erp_order',
        referenceId: 'adds',
        locationId: location,
        partId: part,
        held: 4,
      },
    ]);
    const consumed = await run(consumeStock, order, part, 3);
    expect(consumed.levels).toMatchObject([{ onHand: 7, reserved: 1, available: 6 }]);
    expect(consumed.holdings).toMatchObject([{ held: 1 }]);
  });

  it('hands a reservation over to another document in one step, whole or in part', async () => {
    const { pool } = database();
    const part = await freshPart(10);
    const other = await freshPart(5);
    const request = { type: 'spare_request', id: crypto.randomUUID() };
    const shipment = { type: 'shipment', id: crypto.randomUUID() };
    await inTransaction(pool, (tx) =>
      reserveStock(tx, quietEvents(database().db), {
        organizationId,
        document: request,
        actor: {},
        lines: [
          { locationId: location, partId: part, quantity: 6 },
          { locationId: location, partId: other, quantity: 2 },
        ],
      }),
    );
    const handover = (lines?: Array<{ locationId: string; partId: string; quantity: number }>) =>
      inTransaction(pool, (tx) =>
        transferReservation(tx, quietEvents(database().db), {
          organizationId,
          from: request,
          to: shipment,
          actor: {},
          ...(lines ? { lines } : {}),
        }),
      );

    const partly = await handover([{ locationId: location, partId: part, quantity: 4 }]);
    expect(partly.levels).toMatchObject([{ partId: part, onHand: 10, reserved: 6, available: 4 }]);
    expect(await heldByDocument(pool, organizationId, request)).toEqual(
      expect.arrayContaining([
        { locationId: location, partId: part, held: 2 },
        { locationId: location, partId: other, held: 2 },
      ]),
    );

    // More than it holds: refused, naming the handover's line; nothing changes.
    const before = await stockSnapshot(pool, organizationId);
    await expect(
      handover([
        { locationId: location, partId: other, quantity: 1 },
        { locationId: location, partId: part, quantity: 3 },
      ]),
    ).rejects.toMatchObject({
      code: 'RESERVATION_EXCEEDED',
      errors: [{ path: 'lines.1' }],
      extensions: { lines: [{ line: 1, referenceType: 'spare_request', held: 2, requested: 3 }] },
    });
    expect(await stockSnapshot(pool, organizationId)).toEqual(before);

    // The rest, without naming lines.
    await handover();
    expect(await heldByDocument(pool, organizationId, request)).toEqual([]);
    expect(await heldByDocument(pool, organizationId, shipment)).toEqual(
      expect.arrayContaining([
        { locationId: location, partId: part, held: 6 },
        { locationId: location, partId: other, held: 2 },
      ]),
    );
    await expect(handover()).rejects.toMatchObject({ code: 'RESERVATION_EXCEEDED' });

    const { rows } = await pool.query(
      `select kind, reference_type, reserved_delta, on_hand_delta from stock_movements
        where part_id = $1 and kind like 'reservation_%' order by id`,
      [part],
    );
    expect(rows).toEqual([
      {
        kind: 'reservation_handover',
        reference_type: 'spare_request',
        reserved_delta: -4,
        on_hand_delta: 0,
      },
      {
        kind: 'reservation_takeover',
        reference_type: 'shipment',
        reserved_delta: 4,
        on_hand_delta: 0,
      },
      {
        kind: 'reservation_handover',
        reference_type: 'spare_request',
        reserved_delta: -2,
        on_hand_delta: 0,
      },
      {
        kind: 'reservation_takeover',
        reference_type: 'shipment',
        reserved_delta: 2,
        on_hand_delta: 0,
      },
    ]);
    const level = await pool.query('select reserved from stock_levels where part_id = $1', [part]);
    expect(level.rows).toEqual([{ reserved: 6 }]);
  });

  it('PostgreSQL itself refuses a holding below zero (the last wall)', async () => {
    const part = await freshPart(3);
    await run(reserveStock, { type: 'erp_order', id: 'wall' }, part, 1);
    await expect(
      database().pool.query(
        'update stock_reservation_lines set held = held - 2 where part_id = $1',
        [part],
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });

  it('afterwards every level reserves what its documents hold, and every holding equals its movements', async () => {
    const result = await reservationReconciliationRepository.compare(database().pool);
    expect(result.drift).toEqual([]);
    expect(result.checkedLines).toBeGreaterThan(5);
  });

  it('the migration rebuilds the documents of existing reservations from the ledger', async () => {
    const { pool } = database();
    const holdings = await holdingsOf(pool, organizationId);
    const migration = await fs.readFile('drizzle/0010_document_reservations.sql', 'utf8');
    const backfill = migration
      .split('--> statement-breakpoint')
      .filter((statement) => /^INSERT INTO "stock_reservation/m.test(statement));
    expect(backfill).toHaveLength(2);
    await pool.query('delete from stock_reservations');
    for (const statement of backfill) await pool.query(statement);
    // Lines fully released or handed over had nothing left to rebuild.
    expect(await holdingsOf(pool, organizationId)).toEqual(
      Object.fromEntries(Object.entries(holdings).filter(([, held]) => held > 0)),
    );
  });
});
