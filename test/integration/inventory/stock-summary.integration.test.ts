import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseStock } from '../../../src/modules/inventory/stock-summary.service.js';
import { valueStock } from '../../../src/modules/inventory/stock-valuation.rules.js';
import { makePart } from '../../support/factories/part.factory.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertLocation, insertOrganization } from './inventory-fixtures.js';

const database = useTestDatabase();

const generatedLevel = fc.record({
  onHand: fc.nat({ max: 5_000 }),
  reserved: fc.nat({ max: 100 }),
  averageCostPaise: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5_000_000 })),
  unitPricePaise: fc.nat({ max: 5_000_000 }),
  reorderPoint: fc.option(fc.nat({ max: 200 }), { nil: null }),
});

type GeneratedLevel = typeof generatedLevel extends fc.Arbitrary<infer T> ? T : never;

/** A fresh organization holding exactly `levels` (written straight into stock_levels). */
async function organizationHolding(levels: GeneratedLevel[]) {
  const { pool, db } = database();
  const organizationId = await insertOrganization(pool);
  const brandId = await insertOrganization(pool, 'brand');
  const locationId = await insertLocation(pool, organizationId);
  for (const level of levels) {
    const part = await makePart(db, brandId, { unitPricePaise: level.unitPricePaise });
    await pool.query(
      `insert into stock_levels (organization_id, location_id, part_id, on_hand, reserved,
                                 average_cost_paise, reorder_point)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        organizationId,
        locationId,
        part.id,
        level.onHand,
        Math.min(level.reserved, level.onHand),
        level.averageCostPaise,
        level.reorderPoint,
      ],
    );
  }
  return organizationId;
}

describe('stock summary (SQL) against the valuation rule', () => {
  it('computes in one statement what valueStock computes, for any set of levels', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(generatedLevel, { maxLength: 6 }), async (levels) => {
        const organizationId = await organizationHolding(levels);
        const summary = await summariseStock(database().db, organizationId);
        const { valuePaise, costedValuePaise, uncostedUnits, uncostedValuePaise, onHandUnits } =
          valueStock(levels);
        expect(summary).toEqual({
          valuePaise,
          costedValuePaise,
          uncostedUnits,
          uncostedValuePaise,
          onHandUnits,
          levels: levels.length,
          lowStockLines: levels.filter(
            (l) =>
              l.reorderPoint !== null &&
              l.onHand - Math.min(l.reserved, l.onHand) <= l.reorderPoint,
          ).length,
        });
      }),
      { numRuns: 15 },
    );
  });

  it('an organization without stock is worth ₹0, and another organization’s stock is not counted', async () => {
    await organizationHolding([
      { onHand: 5, reserved: 0, averageCostPaise: 0, unitPricePaise: 100, reorderPoint: null },
    ]);
    const empty = await insertOrganization(database().pool);
    expect(await summariseStock(database().db, empty)).toEqual({
      valuePaise: 0,
      costedValuePaise: 0,
      uncostedUnits: 0,
      uncostedValuePaise: 0,
      onHandUnits: 0,
      levels: 0,
      lowStockLines: 0,
    });
  });
});
