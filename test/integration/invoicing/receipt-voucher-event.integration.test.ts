import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiptVoucherSubscriber, sandboxSupplier } from '../../../src/modules/invoicing/index.js';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { EventBus } from '../../../src/platform/jobs/domain-events.js';
import type { JobQueue } from '../../../src/platform/jobs/job-queue.js';
import { useTestDatabase } from '../../support/test-database.js';
import { createTestQueue, waitUntil } from '../jobs/jobs-test-kit.js';
import { insertOrganization } from './invoicing-fixtures.js';

const database = useTestDatabase();

describe('payments.topup_credited → receipt voucher', () => {
  let queue: JobQueue;
  let bus: EventBus;
  let organizationId: string;

  beforeAll(async () => {
    queue = createTestQueue(database());
    bus = new EventBus(queue, database().db);
    bus.subscribe(receiptVoucherSubscriber(sandboxSupplier));
    await queue.work();
    organizationId = await insertOrganization(database().pool, {
      gstin: '07AAACR5055K1Z9',
      legalName: 'Raja Auto Parts LLP',
    });
  });

  afterAll(async () => {
    await queue?.stop();
  });

  /** What the payments module publishes in the transaction that credits the wallet. */
  const publishTopup = (topupId: string, amountPaise: number) =>
    inTransaction(database().pool, (tx) =>
      bus.publish(tx, {
        type: 'payments.topup_credited',
        payload: {
          topupId,
          organizationId,
          amountPaise,
          razorpayPaymentId: `pay_${topupId.slice(0, 8)}`,
          creditedAt: new Date().toISOString(),
        },
        aggregateType: 'topup',
        aggregateId: topupId,
        organizationId,
      }),
    );

  const vouchersOf = async (topupId: string) => {
    const { rows } = await database().pool.query(
      `select number, kind, total_paise, taxable_paise, igst_paise, recipient_name, recipient_gstin,
              place_of_supply_state_code, payment_reference, supplier_sandbox
         from invoices where source_type = 'topup' and source_id = $1`,
      [topupId],
    );
    return rows;
  };

  it('issues one untaxed receipt voucher per top-up, even when the event is delivered twice', async () => {
    const topupId = crypto.randomUUID();
    await publishTopup(topupId, 500_000);
    // A second event for the same top-up (a redelivered or duplicated publish): no second voucher.
    await publishTopup(topupId, 500_000);
    await waitUntil('both deliveries ran', async () => {
      const { rows } = await database().pool.query<{ count: number }>(
        `select count(*)::int as count from pgboss.job
          where name = 'event.invoicing.receipt_voucher' and state = 'completed'`,
      );
      return (rows[0]?.count ?? 0) >= 2;
    });

    expect(await vouchersOf(topupId)).toEqual([
      {
        number: expect.stringMatching(/^RV\/\d{2}-\d{2}\/000001$/),
        kind: 'receipt_voucher',
        total_paise: '500000',
        taxable_paise: '0',
        igst_paise: '0',
        recipient_name: 'Raja Auto Parts LLP',
        recipient_gstin: '07AAACR5055K1Z9',
        place_of_supply_state_code: '07',
        payment_reference: `pay_${topupId.slice(0, 8)}`,
        supplier_sandbox: true,
      },
    ]);

    const second = crypto.randomUUID();
    await publishTopup(second, 1_00_000_00);
    const [voucher] = await waitUntil('the second voucher', async () => {
      const rows = await vouchersOf(second);
      return rows.length > 0 ? rows : undefined;
    });
    expect(voucher).toMatchObject({ number: expect.stringMatching(/\/000002$/) });
  });
});
