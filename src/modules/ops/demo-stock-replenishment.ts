import type { PlanContext, Stockist } from './demo-stock-activity.js';
import type { PlanLine, PlannedOperation } from './demo-stock-plan.types.js';

/** Days a transfer from the central warehouse takes, by destination (the brand's regions). */
const transitDays: Readonly<Record<string, number>> = { okhla: 3, peenya: 2, guwahati: 6 };

/** What a stockist lacks of its targets, for the parts below 75% of them (`limit` caps a line). */
function shortfall(
  context: PlanContext,
  stockist: Stockist,
  limit: (partNumber: string) => number,
): PlanLine[] {
  return stockist.assortment.flatMap((partNumber) => {
    const target = stockist.targets.get(partNumber) ?? 0;
    const level = context.book.level(stockist.key, partNumber);
    const has = level.onHand - level.reserved + level.inTransit;
    if (has >= target * 0.75) return [];
    const quantity = Math.min(target - has, limit(partNumber));
    return quantity > 0 ? [{ partNumber, quantity }] : [];
  });
}

/** Receipts with costs: the brand's at its factory cost, partners' at their trade price. */
function receipt(
  context: PlanContext,
  stockist: Stockist,
  note: string,
  lines: PlanLine[],
): PlannedOperation {
  const { random } = context;
  return {
    kind: 'adjust',
    at: new Date(0),
    location: stockist.key,
    actor: stockist.keeper,
    note,
    lines: lines.map((line) => {
      const price = context.parts.get(line.partNumber)?.unitPricePaise ?? 0;
      const share = stockist.organization === 'brand' ? random.int(58, 66) : random.int(82, 90);
      return { ...line, reason: 'receipt', unitCostPaise: Math.round((price * share) / 100) };
    }),
  };
}

/** A transfer from the central warehouse, received when it arrives (if within the history). */
function sendTransfer(
  context: PlanContext,
  day: number,
  central: Stockist,
  region: Stockist,
  purpose: string,
  lines: PlanLine[],
): void {
  const transfer = `transfer-${day}-${region.key}`;
  const common = { at: new Date(0), transfer };
  context.emit({
    ...common,
    kind: 'transfer',
    location: central.key,
    actor: central.keeper,
    to: region.key,
    note: `${purpose} ${region.name}`,
    lines,
  });
  const arrival = day + (transitDays[region.key] ?? 3);
  context.later(arrival, {
    ...common,
    kind: 'receive_transfer',
    location: region.key,
    actor: region.keeper,
  });
}

/**
 * Stock coming in: opening stock on day 0, weekly factory receipts at the central warehouse and
 * transfers from it to the regional ones (when they fall below 75% of their targets), and
 * partners' purchases from the brand every fortnight.
 */
export function replenish(context: PlanContext, day: number, central: Stockist): void {
  const { book, random } = context;
  if (day === 0) {
    // Go-live: the central warehouse receives the regions' opening stock with its own and sends
    // it on the same day; partners record their opening stock as received from the brand.
    const regions = context.stockists.filter((stockist) => transitDays[stockist.key] !== undefined);
    const opening = (stockist: Stockist, partNumber: string) =>
      Math.max(
        1,
        Math.round(((stockist.targets.get(partNumber) ?? 1) * random.int(80, 120)) / 100),
      );
    const outbound = regions.map((region) => ({
      region,
      lines: region.assortment.map((partNumber) => ({
        partNumber,
        quantity: opening(region, partNumber),
      })),
    }));
    const centralLines = central.assortment.map((partNumber) => ({
      partNumber,
      quantity:
        opening(central, partNumber) +
        outbound.reduce(
          (sum, { lines }) =>
            sum + (lines.find((line) => line.partNumber === partNumber)?.quantity ?? 0),
          0,
        ),
    }));
    context.emit(receipt(context, central, 'Opening stock on moving to SpareFlow', centralLines));
    for (const { region, lines } of outbound)
      sendTransfer(context, day, central, region, 'Opening stock for', lines);
    for (const stockist of context.stockists) {
      if (stockist.organization === 'brand') continue;
      const lines = stockist.assortment.map((partNumber) => ({
        partNumber,
        quantity: opening(stockist, partNumber),
      }));
      context.emit(receipt(context, stockist, 'Opening stock on moving to SpareFlow', lines));
    }
    return;
  }
  for (const [index, stockist] of context.stockists.entries()) {
    const transit = transitDays[stockist.key];
    if (stockist === central && day % 7 === 1) {
      const lines = shortfall(context, stockist, () => Number.MAX_SAFE_INTEGER);
      const po = `KHA-PO-${4500 + day}`;
      if (lines.length > 0)
        context.emit(receipt(context, stockist, `Factory receipt, ${po}`, lines));
    } else if (transit !== undefined && day % 7 === (index * 2) % 7) {
      const keep = (partNumber: string) => Math.ceil((central.targets.get(partNumber) ?? 0) * 0.2);
      const lines = shortfall(context, stockist, (partNumber) =>
        central.assortment.includes(partNumber)
          ? book.available(central.key, partNumber) - keep(partNumber)
          : 0,
      );
      if (lines.length === 0) continue;
      sendTransfer(context, day, central, stockist, 'Weekly replenishment to', lines);
    } else if (stockist.organization !== 'brand' && day % 14 === (index * 3) % 14) {
      const lines = shortfall(context, stockist, () => Number.MAX_SAFE_INTEGER);
      const invoice = `KHA/26-27/${3100 + day * 10 + index}`;
      if (lines.length > 0)
        context.emit(
          receipt(
            context,
            stockist,
            `Purchase from Kaveri Home Appliances, invoice ${invoice}`,
            lines,
          ),
        );
    }
  }
}
