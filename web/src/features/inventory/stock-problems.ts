import type { components } from '../../api/schema';
import { isApiProblem } from '../../api/problem';

type ConflictLine = NonNullable<components['schemas']['StockConflictProblem']['lines']>[number];
/** One refused line of INSUFFICIENT_STOCK, as the server describes it in the `lines` extension. */
export type InsufficientStockLine = Extract<ConflictLine, { counter: unknown }>;

function isInsufficientLine(value: unknown): value is InsufficientStockLine {
  if (value === null || typeof value !== 'object') return false;
  const line = value as Record<string, unknown>;
  return ['line', 'onHand', 'reserved', 'inTransit', 'available', 'requested'].every(
    (field) => typeof line[field] === 'number',
  );
}

/** The refused lines of an INSUFFICIENT_STOCK problem (none for any other error). */
export function insufficientStockLines(error: unknown): InsufficientStockLine[] {
  if (!isApiProblem(error) || error.code !== 'INSUFFICIENT_STOCK') return [];
  const lines = error.extensions.lines;
  return Array.isArray(lines) ? lines.filter(isInsufficientLine) : [];
}

/**
 * "Not enough stock", in words for a form field, from the problem's data: what is available (on
 * hand and reserved) and what was asked, for the first refused line — named by `nameOfLine` (e.g.
 * its part number) when the form has several lines.
 */
export function insufficientStockMessage(
  error: unknown,
  nameOfLine?: (line: number) => string | undefined,
): string {
  const line = insufficientStockLines(error)[0];
  if (!line) return 'Not enough stock at this location for this change.';
  const name = nameOfLine?.(line.line);
  const prefix = name ? `${name}: not` : 'Not';
  if (line.counter === 'in_transit')
    return `${prefix} enough stock in transit: ${line.inTransit} in transit, ${line.requested} asked.`;
  return `${prefix} enough stock: ${line.available} available (on hand ${line.onHand}, reserved ${line.reserved}), ${line.requested} asked.`;
}
