/**
 * Top-up limits, in paise. ₹100 minimum: a smaller top-up costs more in gateway fees and support
 * than it is worth (Razorpay's own floor is ₹1). ₹5,00,000 maximum per top-up: Razorpay's
 * default per-transaction ceiling for most payment methods (UPI is lower still, which Checkout
 * itself enforces), and a sane bound on a single prepaid shipping deposit.
 */
export const minTopupPaise = 100_00;
export const maxTopupPaise = 5_00_000_00;

export function isTopupAmount(amountPaise: number): boolean {
  return (
    Number.isSafeInteger(amountPaise) &&
    amountPaise >= minTopupPaise &&
    amountPaise <= maxTopupPaise
  );
}

/** The ledger reference of a top-up's credit: one credit per top-up, ever. */
export const topupReference = (topupId: string) => `topup:${topupId}`;

/**
 * Why a fetched payment cannot credit this top-up, or `undefined` when it can: it must be for our
 * stored order, for exactly the top-up's amount, in INR.
 */
export function paymentMismatch(
  topup: { razorpayOrderId: string | null; amountPaise: number },
  payment: { orderId: string | null; amountPaise: number; currency: string },
): 'order' | 'amount' | 'currency' | undefined {
  if (!topup.razorpayOrderId || payment.orderId !== topup.razorpayOrderId) return 'order';
  if (payment.amountPaise !== topup.amountPaise) return 'amount';
  if (payment.currency !== 'INR') return 'currency';
  return undefined;
}

/** Rupees as Indians write them (₹5,00,000.00) for messages; amounts stay in paise elsewhere. */
export function formatRupees(paise: number): string {
  return (paise / 100).toLocaleString('en-IN', { style: 'currency', currency: 'INR' });
}
