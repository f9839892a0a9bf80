import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { stockSummaryRepository } from './stock-summary.repository.js';

export const stockSummarySchema = z.object({
  valuePaise: z
    .number()
    .int()
    .describe('costedValuePaise + uncostedValuePaise: what the stock on hand is worth'),
  costedValuePaise: z.number().int().describe('Units on hand at their moving-average cost'),
  uncostedUnits: z
    .number()
    .int()
    .describe(
      'Units on hand at levels with no recorded cost (received without unitCostPaise): valued at list price',
    ),
  uncostedValuePaise: z.number().int().describe("Those units at the part's unit (list) price"),
  onHandUnits: z.number().int(),
  levels: z.number().int().describe('Stock lines (location × part)'),
  lowStockLines: z
    .number()
    .int()
    .describe('Lines whose available stock is at or below the reorder point (or minimum)'),
});
export type StockSummary = z.infer<typeof stockSummarySchema>;

/**
 * The organization's stock value and counts (see `stock-valuation.rules.ts` for the rule:
 * uncosted units at list price, and how many there are).
 */
export async function summariseStock(db: Db, organizationId: string): Promise<StockSummary> {
  const row = await stockSummaryRepository.summarise(db, organizationId);
  const costedValuePaise = Number(row.costedValuePaise);
  const uncostedValuePaise = Number(row.uncostedValuePaise);
  return {
    valuePaise: costedValuePaise + uncostedValuePaise,
    costedValuePaise,
    uncostedUnits: Number(row.uncostedUnits),
    uncostedValuePaise,
    onHandUnits: Number(row.onHandUnits),
    levels: row.levels,
    lowStockLines: row.lowStockLines,
  };
}
