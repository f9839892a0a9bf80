import { z } from 'zod';
import type { Caller } from '../../platform/http/caller.js';
import { pageQuerySchema, toPage } from '../../platform/http/pagination.js';
import { brandDirectoryRepository } from './brand-directory.repository.js';
import type { NetworkDeps } from './network.deps.js';
import { partnerLinkStatuses } from './network.tables.js';

export const brandDirectoryQuerySchema = pageQuerySchema
  .extend({
    q: z.string().trim().min(1).max(100).optional().describe('Part of the name (case-insensitive)'),
  })
  .strict();
export type BrandDirectoryQuery = z.infer<typeof brandDirectoryQuerySchema>;

export const brandDirectoryEntrySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  relationship: z
    .enum(partnerLinkStatuses)
    .nullable()
    .describe(
      "The caller's standing with the brand: its partnership status, `pending` while an access request is open, `null` when there is neither",
    ),
});
export type BrandDirectoryEntry = z.infer<typeof brandDirectoryEntrySchema>;

/** The active brands, by name, each with the caller's relationship to it. */
export async function listBrandDirectory(
  deps: NetworkDeps,
  caller: Caller,
  query: BrandDirectoryQuery,
): Promise<{ items: BrandDirectoryEntry[]; nextCursor: string | null }> {
  const rows = await brandDirectoryRepository.page(deps.db, caller.organizationId, {
    q: query.q,
    limit: query.limit + 1,
    cursor: query.cursor,
  });
  return toPage(
    rows,
    query.limit,
    (row): BrandDirectoryEntry => ({
      id: row.id,
      name: row.name,
      relationship: row.linkStatus ?? (row.requestPending ? 'pending' : null),
    }),
    (row) => row.id,
  );
}
