import type { DemoPart } from './demo-catalog.js';
import type { DemoOrganization } from './demo-organizations.js';
import { DemoRandom } from './demo-random.js';
import { StockBook } from './demo-stock-book.js';
import {
  cycleCounts,
  incidents,
  newDocuments,
  reorderPoints,
  type PlanContext,
  type Stockist,
} from './demo-stock-activity.js';
import type { PlannedOperation } from './demo-stock-plan.types.js';
import { replenish } from './demo-stock-replenishment.js';

export interface StockPlanInput {
  organizations: readonly DemoOrganization[];
  parts: readonly DemoPart[];
  /** Midnight (IST) of the first day of the history. */
  start: Date;
  days: number;
}

const dayMs = 24 * 60 * 60 * 1000;
/** Business hours in IST, as minutes after midnight: 09:30 to 18:30. */
const opening = 9 * 60 + 30;
const closing = 18 * 60 + 30;
/** Stock aimed at by demand (1–5) at the central warehouse. */
const baseTarget = [0, 6, 14, 30, 60, 120] as const;

function stockistsOf(input: StockPlanInput, random: DemoRandom): Stockist[] {
  const stockable = input.parts.filter((part) => part.status !== 'draft');
  return input.organizations.flatMap((organization) =>
    organization.locations
      .filter((location) => location.range > 0)
      .map((location) => {
        const range = stockable.filter(
          (part) =>
            location.range >= 1 ||
            random.chance(Math.min(1, location.range * (0.4 + 0.3 * part.demand))),
        );
        const target = (part: DemoPart) =>
          Math.max(
            2,
            Math.round(
              (baseTarget[part.demand] ?? 6) *
                location.scale *
                (part.unitPricePaise > 300_000 ? 0.5 : 1),
            ),
          );
        return {
          ...location,
          organization: organization.key,
          assortment: range.map((part) => part.partNumber),
          targets: new Map(range.map((part) => [part.partNumber, target(part)])),
        };
      }),
  );
}

/** Gives the day's operations times in business hours, in the order they were drawn. */
function timeDay(random: DemoRandom, dayStart: Date, operations: PlannedOperation[]): void {
  const seconds = operations
    .map(() => random.int(opening * 60, closing * 60))
    .sort((a, b) => a - b);
  operations.forEach((operation, index) => {
    operation.at = new Date(dayStart.getTime() + (seconds[index] ?? opening * 60) * 1000);
  });
}

/**
 * The 90 days of the demo world's stock, drawn from the `stock-history` stream: opening receipts,
 * weekly factory receipts at the central warehouse and transfers from it to the regional ones
 * (the latest still in transit), partners' purchases, integrators' orders and service centres'
 * job cards reserving stock (consumed, cancelled or partly both; the newest still open), damage,
 * losses, returns, monthly cycle counts with a few differences, and reorder points on some levels.
 * Every operation is applied to the plan's own book first, so the ledger accepts all of it.
 * The same operations for every start date; only their dates move with it.
 */
export function demoStockPlan(input: StockPlanInput): PlannedOperation[] {
  const random = DemoRandom.stream('stock-history');
  const stockists = stockistsOf(input, random);
  const central = stockists.find((stockist) => stockist.key === 'bhiwandi');
  if (!central) throw new Error('the demo world needs its central warehouse');
  const due = new Map<number, PlannedOperation[]>();
  let today: PlannedOperation[] = [];
  const book = new StockBook();
  const context: PlanContext = {
    random,
    book,
    stockists,
    parts: new Map(input.parts.map((part) => [part.partNumber, part])),
    days: input.days,
    emit: (operation) => {
      book.apply(operation);
      today.push(operation);
    },
    later: (day, operation) => {
      if (day < input.days) due.set(day, [...(due.get(day) ?? []), operation]);
    },
  };
  const plan: PlannedOperation[] = [];
  for (let day = 0; day < input.days; day += 1) {
    today = [];
    for (const operation of due.get(day) ?? []) context.emit(operation);
    replenish(context, day, central);
    newDocuments(context, day);
    incidents(context, day);
    cycleCounts(context, day);
    timeDay(random, new Date(input.start.getTime() + day * dayMs), today);
    plan.push(...today);
  }
  const end = new Date(input.start.getTime() + input.days * dayMs - 60 * 60 * 1000);
  return [...plan, ...reorderPoints(context, end)];
}
