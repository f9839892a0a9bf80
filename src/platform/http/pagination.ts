import { z } from 'zod';

/** `?limit=&cursor=` as every list in the API takes it; the cursor is the last id of a page. */
export const pageQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.uuid().optional().describe('`nextCursor` of the previous page'),
  })
  .strict();
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** The `{ items, nextCursor }` envelope of a list whose items are described by `item`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/**
 * Repositories fetch `limit + 1` rows; the extra row only says whether another page exists.
 * `cursorOf` names the row the next page starts after.
 */
export function toPage<Row, Item>(
  rows: readonly Row[],
  limit: number,
  present: (row: Row) => Item,
  cursorOf: (row: Row) => string,
): { items: Item[]; nextCursor: string | null } {
  const pageRows = rows.slice(0, limit);
  const last = pageRows.at(-1);
  return {
    items: pageRows.map(present),
    nextCursor: rows.length > limit && last !== undefined ? cursorOf(last) : null,
  };
}
