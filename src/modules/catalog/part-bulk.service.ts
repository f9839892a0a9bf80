/**
 * A brand's catalog in bulk, for the CSV import and export: whole parts in, whole parts out, with
 * the search document and dictionary terms every writer of parts keeps.
 */
import type pg from 'pg';
import type { Tx } from '../../platform/db/transaction.js';
import {
  partBulkRepository,
  type BulkPart,
  type BulkUpsertResult,
} from './part-bulk.repository.js';

/**
 * Creates or updates `batch` in the brand's catalog by part number (case-insensitive), in the
 * caller's transaction, in one statement; rows are written in part-number order, so concurrent
 * imports of one brand lock them in one order. A part number may appear once per batch. Neither
 * audited nor published per part: the import job records one audit entry for the whole run.
 */
export function upsertBrandParts(
  tx: Tx,
  brandId: string,
  batch: readonly BulkPart[],
): Promise<BulkUpsertResult> {
  return partBulkRepository.upsert(tx.client, brandId, batch);
}

/**
 * The ids of the brand's parts with these part numbers (compared without regard to case), keyed
 * by the numbers as given; numbers the brand has no part for are absent. For bulk writers that
 * link parts after writing them (the demo world's supersessions and stock).
 */
export function brandPartIds(
  tx: Tx,
  brandId: string,
  partNumbers: readonly string[],
): Promise<Map<string, string>> {
  return partBulkRepository.idsByNumber(tx.client, brandId, partNumbers);
}

/**
 * The brand's parts in part-number order, a batch at a time (keyset-paged), so an export of any
 * size holds one batch in memory. Every status, drafts included: the brand's own catalog.
 */
export function streamBrandParts(pool: pg.Pool, brandId: string): AsyncGenerator<BulkPart[]> {
  return partBulkRepository.streamBrandParts(pool, brandId);
}
