import { formatCount } from '../../lib/format';

/**
 * The line under the stock value: how many units it counts, and — when some were received
 * without a cost — that those are at list price, so the figure never hides an estimate.
 */
export function stockValueHint(summary: { onHandUnits: number; uncostedUnits: number }): string {
  if (summary.uncostedUnits > 0) {
    const units = summary.uncostedUnits === 1 ? 'unit' : 'units';
    return `incl. ${formatCount(summary.uncostedUnits)} ${units} at list price — no receipt cost recorded`;
  }
  return `${formatCount(summary.onHandUnits)} ${summary.onHandUnits === 1 ? 'unit' : 'units'} on hand`;
}
