import { activePartnerBrandIds } from '../network/index.js';
import type { ImportJobRow } from './import-job.repository.js';
import type { ImportRowError } from './import-job.tables.js';
import type { ImportDeps } from './import-run.js';
import { stockImportRepository } from './stock-import.repository.js';
import type { StockImportMode, StockImportRow } from './stock-import.row.js';

/** A row whose location and part are known. */
export interface ResolvedRow extends StockImportRow {
  locationId: string;
  partId: string;
}

/**
 * Turns location names and part numbers into ids. A part number that matches parts of two
 * brands the organization stocks is ambiguous and reported; so are unknown ones and drafts. In
 * `set` mode one location × part may appear once per file (`seen` spans the whole file).
 */
export async function resolveStockRows(
  deps: ImportDeps,
  job: ImportJobRow,
  mode: StockImportMode,
  rows: StockImportRow[],
  seen: Map<string, number>,
): Promise<{ resolved: ResolvedRow[]; errors: ImportRowError[] }> {
  const locations = await stockImportRepository.locations(deps.pool, job.organizationId);
  const byId = new Map(locations.map((location) => [location.id.toLowerCase(), location.id]));
  const byName = new Map<string, string[]>();
  for (const location of locations) {
    const key = location.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), location.id]);
  }
  // The brands whose parts the organization may stock: its own and those it actively partners.
  const brands = [
    job.organizationId,
    ...(await activePartnerBrandIds(deps.db, job.organizationId)),
  ];
  const parts = await stockImportRepository.partsByNumber(
    deps.pool,
    brands,
    rows.map((row) => row.partNumber),
  );
  const partsByNumber = new Map<string, typeof parts>();
  for (const part of parts) {
    const key = part.partNumber.toLowerCase();
    partsByNumber.set(key, [...(partsByNumber.get(key) ?? []), part]);
  }
  const resolved: ResolvedRow[] = [];
  const errors: ImportRowError[] = [];
  for (const row of rows) {
    const { row: number } = row;
    let locationId: string | undefined;
    if (row.locationId) {
      locationId = byId.get(row.locationId.toLowerCase());
      if (!locationId)
        errors.push({ row: number, column: 'location_id', message: 'no such location' });
    } else {
      const matches = byName.get((row.locationName ?? '').toLowerCase()) ?? [];
      if (matches.length === 1) locationId = matches[0];
      else
        errors.push({
          row: number,
          column: 'location_name',
          message:
            matches.length === 0
              ? 'no location has this name'
              : 'several locations have this name; use location_id',
        });
    }
    const candidates = (partsByNumber.get(row.partNumber.toLowerCase()) ?? []).filter(
      (part) => part.brandId === job.organizationId || part.status !== 'draft',
    );
    const own = candidates.filter((part) => part.brandId === job.organizationId);
    const part = own.length === 1 ? own[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (!part)
      errors.push({
        row: number,
        column: 'part_number',
        message:
          candidates.length === 0
            ? 'no part with this number in your catalog or your brands’ catalogs'
            : 'this part number exists in several brands’ catalogs',
      });
    else if (part.status === 'draft')
      errors.push({
        row: number,
        column: 'part_number',
        message: 'the part is a draft; publish it first',
      });
    if (!locationId || !part || part.status === 'draft') continue;
    const key = `${locationId}/${part.id}`;
    const first = seen.get(key);
    if (mode === 'set' && first !== undefined) {
      errors.push({
        row: number,
        column: 'part_number',
        message: `this location and part are already set in row ${first}`,
      });
      continue;
    }
    if (first === undefined) seen.set(key, number);
    resolved.push({ ...row, locationId, partId: part.id });
  }
  return { resolved, errors };
}
