/**
 * Money arithmetic of the price engine: integer paise only, and one rounding rule — half up to
 * the paisa (₹0.005 and above rounds to the next paisa) — applied exactly once per line, so a
 * quote read line by line adds up to its total. Rates are basis points (1 % = 100 bps) so no
 * fraction ever lives in a float.
 */

/** `numerator / denominator`, rounded half up; both non-negative safe integers. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  if (numerator < 0n) throw new RangeError('numerator must not be negative');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** `amountPaise × bps / 10 000`, half up to the paisa: a percentage of an amount. */
export function percentOfPaise(amountPaise: number, bps: number): number {
  assertPaise(amountPaise, 'amountPaise');
  if (!Number.isSafeInteger(bps) || bps < 0) throw new RangeError('bps must be a natural number');
  return Number(divideHalfUp(BigInt(amountPaise) * BigInt(bps), 10_000n));
}

/** Refuses anything that is not a non-negative safe integer: money never becomes a float. */
export function assertPaise(value: number, name: string): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative safe integer (paise), got ${value}`);
}

/** ₹ with Indian digit grouping and paise only when there are any: `₹1,23,456.50`, `₹63`. */
export function formatRupees(paise: number): string {
  const rupees = Math.floor(paise / 100);
  const rest = paise % 100;
  const grouped = rupees.toLocaleString('en-IN');
  return rest === 0 ? `₹${grouped}` : `₹${grouped}.${String(rest).padStart(2, '0')}`;
}

/** A basis-point rate as people write it: 1250 → `12.5%`, 1800 → `18%`. */
export function formatPercent(bps: number): string {
  const whole = Math.floor(bps / 100);
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}%` : `${whole}%`;
}
