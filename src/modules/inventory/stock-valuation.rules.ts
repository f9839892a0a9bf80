/**
 * What the organization's stock is worth. Stock is valued at its moving-average cost; a level
 * whose average cost is 0 while units are on hand was received without a unit cost (an uncosted
 * receipt, a CSV import without `unit_cost_paise`), and counting it at ₹0 would understate the
 * value without a word. Those units are valued at the part's list price (`unit_price_paise`)
 * instead, and counted, so the figure can say how much of it is an estimate. The summary route
 * computes the same in SQL (`stock-summary.repository.ts`); the integration test holds the two
 * to each other.
 */

/** One stock level as valuation sees it (`onHand` ≥ 0 and costs ≥ 0, as the tables enforce). */
export interface ValuedLevel {
  onHand: number;
  averageCostPaise: number;
  /** The part's list price, in paise. */
  unitPricePaise: number;
}

export interface StockValuation {
  /** costed + uncosted. */
  valuePaise: number;
  /** Units on hand at their moving-average cost. */
  costedValuePaise: number;
  /** Units on hand at levels without a cost (average cost 0). */
  uncostedUnits: number;
  /** Those units at the part's list price. */
  uncostedValuePaise: number;
  onHandUnits: number;
}

/** Values a set of levels by the rule above. */
export function valueStock(levels: Iterable<ValuedLevel>): StockValuation {
  let costedValuePaise = 0;
  let uncostedUnits = 0;
  let uncostedValuePaise = 0;
  let onHandUnits = 0;
  for (const level of levels) {
    if (level.onHand <= 0) continue;
    onHandUnits += level.onHand;
    if (level.averageCostPaise > 0) {
      costedValuePaise += level.onHand * level.averageCostPaise;
    } else {
      uncostedUnits += level.onHand;
      uncostedValuePaise += level.onHand * level.unitPricePaise;
    }
  }
  return {
    valuePaise: costedValuePaise + uncostedValuePaise,
    costedValuePaise,
    uncostedUnits,
    uncostedValuePaise,
    onHandUnits,
  };
}
