/** A page of a cursor-paginated list (api-v1: `?limit=&cursor=` → `{ items, nextCursor }`). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Collected<T> {
  items: T[];
  /** True when more rows exist than were fetched (the page says "200+", never a wrong count). */
  truncated: boolean;
}

/**
 * Follows `nextCursor` until the list ends or `maxPages` pages were read. Tables then sort and
 * filter on the client; lists that can grow past that (catalog, ledger) page on the server.
 */
export async function collectPages<T>(
  fetchPage: (cursor: string | undefined) => Promise<Page<T>>,
  maxPages = 5,
): Promise<Collected<T>> {
  const items: T[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < maxPages; page += 1) {
    const result = await fetchPage(cursor);
    items.push(...result.items);
    if (!result.nextCursor) return { items, truncated: false };
    cursor = result.nextCursor;
  }
  return { items, truncated: true };
}
