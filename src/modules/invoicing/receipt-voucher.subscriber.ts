import { z } from 'zod';
import type { EventSubscriber } from '../../platform/jobs/domain-events.js';
import { issueReceiptVoucher } from './invoice-issue.service.js';
import type { InvoiceSupplier } from './invoice-supplier.js';
// The event's payload type is declared by its publisher (payments.events.ts, loaded by its index).
import type {} from '../payments/index.js';

/** Checked again on delivery: a payload written by another release fails loudly, not wrongly. */
const topupCredited = z.object({
  topupId: z.string().min(1),
  organizationId: z.uuid(),
  amountPaise: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  razorpayPaymentId: z.string().min(1),
  creditedAt: z.iso.datetime({ offset: true }),
});

/**
 * `payments.topup_credited` → the top-up's receipt voucher, exactly once: the job's receipt
 * (`context.once`) and the voucher's uniqueness per top-up both guard against redelivery. Dated
 * when issued (seconds after the credit), so numbers and dates rise together in each series.
 */
export function receiptVoucherSubscriber(
  supplier: InvoiceSupplier,
): EventSubscriber<'payments.topup_credited'> {
  return {
    name: 'invoicing.receipt_voucher',
    eventTypes: ['payments.topup_credited'],
    handle: async (event, context) => {
      const payload = topupCredited.parse(event.payload);
      await context.once(`receipt-voucher:${payload.topupId}`, async (tx) => {
        const { invoice, applied } = await issueReceiptVoucher(tx, {
          supplier,
          organizationId: payload.organizationId,
          topupId: payload.topupId,
          amountPaise: payload.amountPaise,
          razorpayPaymentId: payload.razorpayPaymentId,
        });
        context.logger.info(
          { invoiceNumber: invoice.number, topupId: payload.topupId, applied },
          'receipt voucher issued',
        );
      });
    },
  };
}
