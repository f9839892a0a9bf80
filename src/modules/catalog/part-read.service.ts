import { z } from 'zod';
import { AppError } from '../../platform/errors/app-error.js';
import { isStorableText } from '../../platform/http/storable-text.js';
import type { Caller } from '../../platform/http/caller.js';
import type { CatalogDeps } from './catalog.deps.js';
import { partRef, presentPart, presentPartImage } from './part.presenter.js';
import { partRepository, type PartRow } from './part.repository.js';
import { partSearchRepository, visibleStatuses } from './part-search.repository.js';
import type { PartDetailView, PartListQuery, PartView } from './part.schemas.js';
import {
  canSeePart,
  catalogScopeFor,
  partNotFound,
  scopeOfVisiblePart,
} from './part-visibility.js';

/** A part the caller may see, or NOT_FOUND (also for parts of brands it is not authorised for). */
export async function visiblePart(deps: CatalogDeps, caller: Caller, id: string): Promise<PartRow> {
  const part = await partRepository.find(deps.db, id);
  if (!part || !(await canSeePart(deps.db, caller, part))) throw partNotFound();
  return part;
}

/** One part with its substitutes, replacement, supersession chain and images. */
export async function getPartDetail(
  deps: CatalogDeps,
  caller: Caller,
  id: string,
): Promise<PartDetailView> {
  const part = await visiblePart(deps, caller, id);
  const statuses = visibleStatuses(scopeOfVisiblePart(caller, part));
  const [substitutes, chain, images] = await Promise.all([
    partRepository.substitutesOf(deps.db, id),
    partRepository.chain(deps.db, id),
    partRepository.images(deps.db, id),
  ]);
  // The chain is shown as far as the caller can see it (a partner never learns of a draft).
  const onward = [];
  for (const link of chain.slice(1)) {
    if (!statuses.includes(link.status)) break;
    onward.push({ id: link.id, partNumber: link.partNumber });
  }
  const replacement =
    part.supersededByPartId && onward[0]?.id === part.supersededByPartId
      ? await partRepository.find(deps.db, part.supersededByPartId)
      : undefined;
  return {
    ...presentPart(part),
    substitutes: substitutes.filter((s) => statuses.includes(s.status)).map(partRef),
    supersededBy: replacement ? partRef(replacement) : null,
    supersessionChain: onward,
    images: images.map(presentPartImage),
  };
}

/**
 * What a parts cursor may hold: a ranked search's offset, or the last part of a plain list.
 * Decoded cursors are checked as strictly as any input: a well-formed base64 of nonsense
 * (`{"id":"------------------------------------"}`, a NUL in `partNumber`) reached SQL as a 500.
 */
const cursorSchema = z.union([
  z.object({ offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER) }).strict(),
  z
    .object({
      partNumber: z.string().min(1).max(64).refine(isStorableText),
      id: z.uuid(),
    })
    .strict(),
]);
type Cursor = Partial<{ offset: number; partNumber: string; id: string }>;

function decodeCursor(cursor: string | undefined): Cursor {
  if (!cursor) return {};
  try {
    const parsed = cursorSchema.safeParse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')),
    );
    if (parsed.success) return parsed.data;
  } catch {
    // not base64 of JSON: the same answer as JSON of the wrong shape
  }
  throw new AppError('VALIDATION_FAILED', {
    detail: 'The cursor is not one this list returned.',
    errors: [{ path: 'querystring.cursor', message: 'is not a cursor this list returned' }],
  });
}

const encodeCursor = (cursor: Cursor) =>
  Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');

/**
 * The caller's catalog, or a ranked search of it when `q` is given. Plain lists page by part
 * number (keyset); ranked results page by position (the offset travels in the opaque cursor).
 */
export async function listParts(
  deps: CatalogDeps,
  caller: Caller,
  query: PartListQuery,
): Promise<{ items: PartView[]; nextCursor: string | null }> {
  const scope = await catalogScopeFor(deps.db, caller, query.brandId);
  const filter = { scope, status: query.status, category: query.category };
  const cursor = decodeCursor(query.cursor);
  if (query.q) {
    // Ranked search pages no deeper than this (a cursor past it shows the last reachable page).
    const offset = Math.min(cursor.offset ?? 0, 10_000);
    const rows = await partSearchRepository.search(
      deps.reads,
      filter,
      query.q,
      offset,
      query.limit + 1,
    );
    return {
      items: rows.slice(0, query.limit).map(presentPart),
      nextCursor: rows.length > query.limit ? encodeCursor({ offset: offset + query.limit }) : null,
    };
  }
  const after =
    typeof cursor.partNumber === 'string' && typeof cursor.id === 'string'
      ? { partNumber: cursor.partNumber, id: cursor.id }
      : undefined;
  const rows = await partSearchRepository.list(deps.db, filter, after, query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map(presentPart),
    nextCursor:
      rows.length > query.limit && last
        ? encodeCursor({ partNumber: last.partNumber, id: last.id })
        : null,
  };
}
