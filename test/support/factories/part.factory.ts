import crypto from 'node:crypto';
import type { Container } from '../../../src/app/container.js';
import type { Db } from '../../../src/platform/db/database.js';
import { parts, partSearchTerms } from '../../../src/modules/catalog/catalog.tables.js';
import {
  partSearchDocument,
  searchTermsOf,
} from '../../../src/modules/catalog/part-search-document.js';
import type { PartRow } from '../../../src/modules/catalog/part.repository.js';

export type PartOverrides = Partial<Omit<typeof parts.$inferInsert, 'brandId' | 'searchDocument'>>;

/**
 * A part of `brandId`, inserted directly (no audit, no event): an active 500 g box of
 * 10 × 10 × 10 cm at ₹100 with a unique part number `TP-<random>`, unless `overrides` say
 * otherwise. Pass a database (integration tests) or a container (e2e: `testApp().container`).
 * The search document is built with `partSearchDocument` and its terms added to the brand's
 * search dictionary (`searchTermsOf`), as every writer of parts must.
 */
export async function makePart(
  target: Db | Container,
  brandId: string,
  overrides: PartOverrides = {},
): Promise<PartRow> {
  const db = 'database' in target ? target.database.db : target;
  const values = {
    partNumber: `TP-${crypto.randomBytes(4).toString('hex').toUpperCase()}`,
    name: 'Test part',
    unitPricePaise: 10_000,
    weightGrams: 500,
    lengthCm: 10,
    widthCm: 10,
    heightCm: 10,
    status: 'active' as const,
    ...overrides,
    brandId,
  };
  const [row] = await db
    .insert(parts)
    .values({ ...values, searchDocument: partSearchDocument(values) })
    .returning();
  if (!row) throw new Error('part insert returned nothing');
  await db
    .insert(partSearchTerms)
    .values(searchTermsOf(values).map((term) => ({ brandId, term })))
    .onConflictDoNothing();
  return row;
}
