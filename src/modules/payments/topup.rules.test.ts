import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  isTopupAmount,
  maxTopupPaise,
  minTopupPaise,
  paymentMismatch,
  formatRupees,
} from './topup.rules.js';

describe('top-up rules', () => {
  it('accepts whole paise from ₹100 to ₹5,00,000 inclusive and nothing else', () => {
    expect(isTopupAmount(minTopupPaise)).toBe(true);
    expect(isTopupAmount(maxTopupPaise)).toBe(true);
    expect(isTopupAmount(minTopupPaise - 1)).toBe(false);
    expect(isTopupAmount(maxTopupPaise + 1)).toBe(false);
    expect(isTopupAmount(150.5)).toBe(false);
    expect(isTopupAmount(Number.NaN)).toBe(false);
    fc.assert(
      fc.property(
        fc.oneof(fc.double(), fc.integer({ min: -1, max: maxTopupPaise * 2 })),
        (n) =>
          isTopupAmount(n) === (Number.isInteger(n) && n >= minTopupPaise && n <= maxTopupPaise),
      ),
    );
  });

  it('binds a payment to our order id, amount and currency', () => {
    const topup = { razorpayOrderId: 'order_A', amountPaise: 50_000 };
    const ok = { orderId: 'order_A', amountPaise: 50_000, currency: 'INR' };
    expect(paymentMismatch(topup, ok)).toBeUndefined();
    expect(paymentMismatch(topup, { ...ok, orderId: 'order_B' })).toBe('order');
    expect(paymentMismatch(topup, { ...ok, orderId: null })).toBe('order');
    expect(paymentMismatch({ ...topup, razorpayOrderId: null }, ok)).toBe('order');
    expect(paymentMismatch(topup, { ...ok, amountPaise: 49_999 })).toBe('amount');
    expect(paymentMismatch(topup, { ...ok, currency: 'USD' })).toBe('currency');
  });

  it('writes rupees with Indian digit grouping', () => {
    expect(formatRupees(5_00_000_00)).toBe('₹5,00,000.00');
    expect(formatRupees(100_00)).toBe('₹100.00');
  });
});
