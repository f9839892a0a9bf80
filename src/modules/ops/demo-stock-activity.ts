import type { DemoPart } from './demo-catalog.js';
import type { DemoLocation } from './demo-organizations.js';
import type { DemoRandom } from './demo-random.js';
import type { StockBook } from './demo-stock-book.js';
import type { PlanLine, PlannedOperation } from './demo-stock-plan.types.js';

/** A location taking part in the history, with the parts it keeps and how many of each. */
export interface Stockist extends DemoLocation {
  organization: string;
  /** Part numbers it keeps, in catalog order. */
  assortment: string[];
  /** Part number → the quantity it aims to hold. */
  targets: Map<string, number>;
}

/** What the day's drawing needs: the stream, the book, and where operations go. */
export interface PlanContext {
  random: DemoRandom;
  book: StockBook;
  stockists: readonly Stockist[];
  parts: ReadonlyMap<string, DemoPart>;
  days: number;
  /** Records an operation of today (applied to the book at once). */
  emit(operation: PlannedOperation): void;
  /** Records an operation due on a later day (dropped when that is past the history). */
  later(day: number, operation: PlannedOperation): void;
}

const damageNotes = [
  'Cracked in handling at the dock',
  'Carton crushed in transit, part bent',
  'Water damage from a roof leak in the monsoon',
  'Failed the incoming inspection',
];
const lossNotes = ['Not found at the bin during picking', 'Short in the carton on unpacking'];
const returnNotes = [
  'Customer return, unused and sealed, restocked',
  'Wrong part sent, returned unused',
];

/** Parts weighted by demand: a filter is drawn five times as often as a compressor. */
function drawPart(context: PlanContext, stockist: Stockist): string {
  const weighted = stockist.assortment.flatMap((partNumber) =>
    Array<string>(context.parts.get(partNumber)?.demand ?? 1).fill(partNumber),
  );
  return context.random.pick(weighted);
}

/**
 * New integrator documents: an ERP's sales orders at the warehouses and godowns, job cards at the
 * service centres. Each reserves its lines now and is settled one to four days later — consumed
 * (shipped, or fitted in a repair), cancelled (released), or partly both; documents due after
 * the history are still open and hold their stock.
 */
export function newDocuments(context: PlanContext, day: number): void {
  const { random, book } = context;
  if (day === 0) return;
  for (const stockist of context.stockists) {
    const documents = stockist.documents;
    if (!documents || stockist.assortment.length === 0) continue;
    const count = Math.floor(documents.perDay) + (random.chance(documents.perDay % 1) ? 1 : 0);
    const jobCard = documents.type === 'job_card';
    for (let index = 0; index < count; index += 1) {
      const lines: PlanLine[] = [];
      for (let line = random.int(1, jobCard ? 2 : 3); line > 0; line -= 1) {
        const partNumber = drawPart(context, stockist);
        if (lines.some((existing) => existing.partNumber === partNumber)) continue;
        const share = jobCard ? 0.1 : 0.3;
        const most = Math.max(1, Math.round((stockist.targets.get(partNumber) ?? 1) * share));
        const quantity = Math.min(random.int(1, most), book.available(stockist.key, partNumber));
        if (quantity > 0) lines.push({ partNumber, quantity });
      }
      if (lines.length === 0) continue;
      const document = {
        type: documents.type,
        id: `${documents.prefix}${day * 10 + index + 1000}`,
      };
      const common = { at: new Date(0), location: stockist.key, actor: stockist.keeper, document };
      context.emit({ ...common, kind: 'reserve', lines });
      const settleDay = day + random.int(1, jobCard ? 4 : 3);
      const outcome = random.int(1, 100);
      if (outcome <= 8) context.later(settleDay, { ...common, kind: 'release', lines });
      else if (outcome <= 20 && lines.some((line) => line.quantity > 1)) {
        const used = lines.map((line) => ({ ...line, quantity: Math.ceil(line.quantity / 2) }));
        const returned = lines
          .map((line) => ({ ...line, quantity: Math.floor(line.quantity / 2) }))
          .filter((line) => line.quantity > 0);
        context.later(settleDay, { ...common, kind: 'consume', lines: used });
        context.later(settleDay, { ...common, kind: 'release', lines: returned });
      } else context.later(settleDay, { ...common, kind: 'consume', lines });
    }
  }
}

/** Now and then: damage and losses everywhere, customer returns at the brand's warehouses. */
export function incidents(context: PlanContext, day: number): void {
  const { random, book } = context;
  if (day === 0) return;
  for (const stockist of context.stockists) {
    const events: Array<{ reason: 'damage' | 'loss' | 'return_restock'; note: string }> = [];
    if (random.chance(0.05)) events.push({ reason: 'damage', note: random.pick(damageNotes) });
    if (random.chance(0.015)) events.push({ reason: 'loss', note: random.pick(lossNotes) });
    if (stockist.organization === 'brand' && random.chance(0.04))
      events.push({ reason: 'return_restock', note: random.pick(returnNotes) });
    for (const event of events) {
      const partNumber = drawPart(context, stockist);
      const quantity =
        event.reason === 'return_restock'
          ? random.int(1, 2)
          : -Math.min(random.int(1, 2), book.available(stockist.key, partNumber));
      if (quantity === 0) continue;
      const line = { partNumber, quantity, reason: event.reason };
      context.emit({
        kind: 'adjust',
        at: new Date(0),
        location: stockist.key,
        actor: stockist.keeper,
        note: event.note,
        lines: [line],
      });
    }
  }
}

/**
 * A cycle count at every location about once a month (on different days): a sample of its
 * parts, most counted as recorded, a few one or two off — never below what is reserved.
 */
export function cycleCounts(context: PlanContext, day: number): void {
  const { random, book } = context;
  for (const [index, stockist] of context.stockists.entries()) {
    if (day === 0 || (day + index * 3) % 30 !== 27) continue;
    const sample = random.sample(stockist.assortment, stockist.assortment.length > 60 ? 20 : 8);
    const lines = sample.map((partNumber) => {
      const level = book.level(stockist.key, partNumber);
      const off = random.chance(0.2) ? random.pick([-2, -1, -1, 1]) : 0;
      return { partNumber, counted: Math.max(level.reserved, level.onHand + off) };
    });
    const month = Math.floor(day / 30) + 1;
    context.emit({
      kind: 'count',
      at: new Date(0),
      location: stockist.key,
      actor: stockist.keeper,
      note: `Cycle count ${month} of the quarter`,
      lines,
    });
  }
}

/**
 * Reorder points on some levels of the brand's warehouses and the distributor's godowns: half the
 * target, raised to what is available for the lowest few against their targets (a manager
 * flagging the parts running short, so the low-stock list has lines), and a few others.
 */
export function reorderPoints(context: PlanContext, at: Date): PlannedOperation[] {
  const { random, book } = context;
  return context.stockists
    .filter(
      (stockist) => stockist.organization === 'brand' || stockist.organization === 'distributor',
    )
    .flatMap((stockist) => {
      const ratio = (partNumber: string) =>
        book.available(stockist.key, partNumber) / (stockist.targets.get(partNumber) ?? 1);
      const lowest = [...stockist.assortment]
        .sort((a, b) => ratio(a) - ratio(b) || (a < b ? -1 : 1))
        .slice(0, 5);
      const others = random.sample(
        stockist.assortment.filter((partNumber) => !lowest.includes(partNumber)),
        3,
      );
      return [...lowest, ...others].map((partNumber) => {
        const target = stockist.targets.get(partNumber) ?? 2;
        const half = Math.max(1, Math.ceil(target * 0.5));
        const available = book.available(stockist.key, partNumber);
        return {
          kind: 'thresholds' as const,
          at,
          location: stockist.key,
          actor: stockist.keeper,
          partNumber,
          minQuantity: Math.ceil(target * 0.25),
          reorderPoint: lowest.includes(partNumber)
            ? Math.min(target, Math.max(half, available))
            : half,
          maxQuantity: Math.ceil(target * 1.5),
        };
      });
    });
}
