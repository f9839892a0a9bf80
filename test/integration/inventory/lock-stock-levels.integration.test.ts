import { describe, expect, it } from 'vitest';
import { inTransaction } from '../../../src/platform/db/transaction.js';
import { lockStockLevels } from '../../../src/modules/inventory/index.js';
import { useTestDatabase } from '../../support/test-database.js';
import { insertLocation, insertOrganization, insertPart } from './inventory-fixtures.js';

const database = useTestDatabase();

/**
 * `lockStockLevels`, inventory's public service for callers that read levels before they know
 * their changes (the CSV stock import): the ledger's own step 3 of the lock order.
 */
describe('lockStockLevels', () => {
  it('creates and locks each level once, in (location, part) order, only at own locations', async () => {
    const { pool } = database();
    const brandId = await insertOrganization(pool, 'brand');
    const otherId = await insertOrganization(pool, 'distributor');
    const [first, second] = [
      await insertLocation(pool, brandId),
      await insertLocation(pool, brandId),
    ];
    const foreign = await insertLocation(pool, otherId);
    const [partA, partB] = [await insertPart(pool, brandId), await insertPart(pool, brandId)];
    const keys = [
      { locationId: second!, partId: partB },
      { locationId: first!, partId: partA },
      { locationId: second!, partId: partB },
      { locationId: foreign, partId: partA },
      { locationId: first!, partId: partB },
    ];
    const locked = await inTransaction(pool, (tx) => lockStockLevels(tx, brandId, keys));
    const expected = [
      { locationId: first!, partId: partA },
      { locationId: first!, partId: partB },
      { locationId: second!, partId: partB },
    ].sort((a, b) =>
      a.locationId === b.locationId
        ? a.partId < b.partId
          ? -1
          : 1
        : a.locationId < b.locationId
          ? -1
          : 1,
    );
    expect(locked.map(({ locationId, partId }) => ({ locationId, partId }))).toEqual(expected);
    expect(locked.every((level) => level.onHand === 0 && level.reserved === 0)).toBe(true);
    // The other organization's location got no level.
    const { rows } = await pool.query('select 1 from stock_levels where location_id = $1', [
      foreign,
    ]);
    expect(rows).toEqual([]);
  });
});
