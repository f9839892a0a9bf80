import crypto from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  invoiceNumberingDoctorCheck,
  issueShippingInvoice,
} from '../../../src/modules/invoicing/index.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { useTestDatabase } from '../../support/test-database.js';
import { charge, insertOrganization, karnatakaSupplier } from './invoicing-fixtures.js';

const database = useTestDatabase();

/** A failure thrown on purpose after the invoice was issued: the transaction rolls back. */
class PlannedRollback extends Error {}

async function committedSequences(series: string): Promise<number[]> {
  const { rows } = await database().pool.query<{ sequence: number }>(
    `select sequence from invoices where series = $1 and financial_year = '2026-27' order by sequence`,
    [series],
  );
  return rows.map((row) => row.sequence);
}

describe('invoice numbering under concurrency', () => {
  let withGstin: string;
  let withAddress: string;

  beforeAll(async () => {
    withGstin = await insertOrganization(database().pool, { gstin: '27AAACB1234C1ZF' });
    withAddress = await insertOrganization(database().pool, {
      location: { state: 'Karnataka', city: 'Mysuru', pincode: '570001' },
    });
  });

  it('200 invoices in parallel on 20 connections, one in seven rolled back: numbers 1..N, no gap, no repeat', async () => {
    const issuedAt = new Date('2026-12-07T10:00:00Z');
    const attempts = Array.from({ length: 200 }, (_, index) => index);
    const outcomes = await Promise.allSettled(
      attempts.map((index) =>
        inTransaction(database().pool, async (tx) => {
          const { invoice } = await issueShippingInvoice(tx, {
            supplier: karnatakaSupplier,
            organizationId: index % 2 === 0 ? withGstin : withAddress,
            shipmentId: `shipment-${index}`,
            ...charge(10_000 + index, 1_000),
            issuedAt,
          });
          // Hold the counter a little longer, so transactions really queue behind it.
          await tx.client.query('select pg_sleep(0.002)');
          if (index % 7 === 3) throw new PlannedRollback(invoice.number);
          return invoice;
        }),
      ),
    );

    const committed = outcomes.flatMap((outcome) =>
      outcome.status === 'fulfilled' ? [outcome.value] : [],
    );
    const rolledBack = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(rolledBack.every((outcome) => outcome.reason instanceof PlannedRollback)).toBe(true);
    expect(rolledBack).toHaveLength(attempts.filter((index) => index % 7 === 3).length);
    const total = committed.length;
    expect(total).toBe(200 - rolledBack.length);

    const expected = Array.from({ length: total }, (_, index) => index + 1);
    expect(await committedSequences('SF')).toEqual(expected);
    expect(committed.map((invoice) => invoice.sequence).sort((a, b) => a - b)).toEqual(expected);
    expect(new Set(committed.map((invoice) => invoice.number)).size).toBe(total);
    expect(committed.map((invoice) => invoice.number)).toContain(
      `SF/26-27/${String(total).padStart(6, '0')}`,
    );
    const { rows } = await database().pool.query<{ last_number: number }>(
      `select last_number from invoice_counters where series = 'SF' and financial_year = '2026-27'`,
    );
    expect(rows).toEqual([{ last_number: total }]);

    // The tax split followed each recipient's state.
    const interState = committed.find((invoice) => invoice.organizationId === withGstin);
    const intraState = committed.find((invoice) => invoice.organizationId === withAddress);
    expect(interState).toMatchObject({ placeOfSupplyStateCode: '27', cgstPaise: 0, sgstPaise: 0 });
    expect(interState?.igstPaise).toBeGreaterThan(0);
    expect(intraState).toMatchObject({ placeOfSupplyStateCode: '29', igstPaise: 0 });
    expect(intraState?.cgstPaise).toBeGreaterThan(0);
  });

  it('the same shipment invoiced concurrently ten times: one invoice, one number used', async () => {
    const before = await committedSequences('SF');
    const shipmentId = `shipment-${crypto.randomUUID()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        inTransaction(database().pool, (tx) =>
          issueShippingInvoice(tx, {
            supplier: karnatakaSupplier,
            organizationId: withGstin,
            shipmentId,
            ...charge(50_000, 5_000),
            issuedAt: new Date('2026-12-07T11:00:00Z'),
          }),
        ),
      ),
    );
    expect(results.filter((result) => result.applied)).toHaveLength(1);
    expect(new Set(results.map((result) => result.invoice.id)).size).toBe(1);
    const after = await committedSequences('SF');
    expect(after).toEqual([...before, before.length + 1]);
  });

  it('starts again at 1 in a new financial year and in another series', async () => {
    const issued = await inTransaction(database().pool, (tx) =>
      issueShippingInvoice(tx, {
        supplier: karnatakaSupplier,
        organizationId: withAddress,
        shipmentId: `shipment-${crypto.randomUUID()}`,
        ...charge(20_000, 0),
        // 1 April 2027, 00:10 in India: still 31 March in UTC.
        issuedAt: new Date('2027-03-31T18:40:00Z'),
      }),
    );
    expect(issued.invoice).toMatchObject({ number: 'SF/27-28/000001', financialYear: '2027-28' });
  });

  it('keeps an issued invoice as it was, and its series counter: updates, deletes, truncation refused', async () => {
    const refused = async (statement: string, message: string) =>
      expect(database().pool.query(statement)).rejects.toThrow(message);
    await refused(
      'update invoices set total_paise = total_paise + 1',
      'invoices is immutable (UPDATE refused)',
    );
    await refused('delete from invoices', 'invoices is immutable (DELETE refused)');
    await refused('truncate invoices', 'invoices is immutable (TRUNCATE refused)');
    await refused('delete from invoice_counters', 'invoice_counters is immutable (DELETE refused)');
    await refused(
      'truncate invoice_counters cascade',
      'invoice_counters is immutable (TRUNCATE refused)',
    );
  });

  it('refuses a GST that is not 18 % of the taxable value, before taking a number', async () => {
    const before = await committedSequences('SF');
    await expect(
      inTransaction(database().pool, (tx) =>
        issueShippingInvoice(tx, {
          supplier: karnatakaSupplier,
          organizationId: withGstin,
          shipmentId: `shipment-${crypto.randomUUID()}`,
          freightPaise: 10_000,
          marginPaise: 0,
          gstPaise: 1_700,
          issuedAt: new Date('2026-12-07T12:00:00Z'),
        }),
      ),
    ).rejects.toThrow(/not 18 %/);
    expect(await committedSequences('SF')).toEqual(before);
  });

  it('the doctor finds every series 1..N, and names a number taken but never used', async () => {
    const check = invoiceNumberingDoctorCheck(database().pool);
    const healthy = await check.run();
    expect(healthy.status).toBe('ok');
    expect(healthy.detail).toMatch(/^SF 2026-27: 1–\d+, SF 2027-28: 1–1$/);

    await database().pool.query(
      `update invoice_counters set last_number = last_number + 1 where financial_year = '2027-28'`,
    );
    expect(await check.run()).toEqual({
      status: 'fail',
      detail: 'SF 2027-28: counter 2, 1 issued, highest 1',
    });
  });
});
