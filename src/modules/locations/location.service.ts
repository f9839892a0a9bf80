import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { PinDirectory } from '../../platform/geo/pin-directory.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { toPage } from '../../platform/http/pagination.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { checkAddressPlace } from './location-address.rules.js';
import {
  locationRepository,
  type LocationRow,
  type NewLocationRow,
} from './location.repository.js';
import type {
  LocationListQuery,
  LocationView,
  NewLocation,
  SavedLocation,
} from './location.schemas.js';
import './location.events.js';

export type { NewLocation } from './location.schemas.js';

/** The stock a location holds, summed over its parts (the inventory module answers). */
export interface StockHeld {
  onHand: number;
  reserved: number;
  inTransit: number;
  /** How many parts have any of the three above zero there. */
  parts: number;
}

export interface LocationDeps {
  pool: pg.Pool;
  db: Db;
  events: EventBus;
  /** India Post's PIN directory: addresses are checked against it. */
  pins: PinDirectory;
  /**
   * What stock the location holds, read in the archive's transaction after the location row is
   * locked. Wired by the composition root to the inventory module (which itself asks this
   * module about locations, so the dependency is handed in rather than imported).
   */
  stockHeld: (db: Db, organizationId: string, locationId: string) => Promise<StockHeld>;
}

export function presentLocation(row: LocationRow): LocationView {
  return {
    id: row.id,
    name: row.name,
    address: {
      contactName: row.contactName,
      phone: row.phone,
      line1: row.line1,
      line2: row.line2,
      city: row.city,
      state: row.state,
      pincode: row.pincode,
    },
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    archivedAt: row.archivedAt?.toISOString() ?? null,
  };
}

function rowOf(organizationId: string, input: NewLocation): NewLocationRow {
  const { address } = input;
  return {
    organizationId,
    name: input.name,
    contactName: address.contactName,
    phone: address.phone,
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city,
    state: address.state,
    pincode: address.pincode,
  };
}

/**
 * Adds a location to the caller's organization, audited and published in one transaction. The
 * PIN must be India Post's and in the given state; an unknown city comes back as a warning.
 */
export async function createLocation(
  deps: LocationDeps,
  organizationId: string,
  input: NewLocation,
  audit: AuditContext,
): Promise<SavedLocation> {
  const warnings = checkAddressPlace(await deps.pins.lookup(input.address.pincode), input.address);
  return inTransaction(deps.pool, async (tx) => {
    const row = await locationRepository.insert(tx.db, rowOf(organizationId, input));
    const view = presentLocation(row);
    await recordAudit(tx, {
      ...audit,
      organizationId,
      action: 'location.created',
      entityType: 'location',
      entityId: row.id,
      after: view,
    });
    await deps.events.publish(tx, {
      type: 'location.created',
      payload: { locationId: row.id, organizationId, pincode: row.pincode },
      aggregateType: 'location',
      aggregateId: row.id,
      organizationId,
      requestId: audit.requestId,
    });
    return { ...view, warnings };
  });
}

/** The organization's locations, newest first; archived ones only with `archived: true`. */
export async function listLocations(
  deps: LocationDeps,
  organizationId: string,
  query: LocationListQuery,
): Promise<{ items: LocationView[]; nextCursor: string | null }> {
  const rows = await locationRepository.page(
    deps.db,
    organizationId,
    query.limit + 1,
    query.cursor,
    query.archived,
  );
  return toPage(rows, query.limit, presentLocation, (row) => row.id);
}

/** One location of the caller's organization, archived or not; any other id is NOT_FOUND. */
export async function getLocation(
  deps: LocationDeps,
  organizationId: string,
  id: string,
): Promise<LocationView> {
  const row = await locationRepository.findInOrganization(deps.db, organizationId, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'No such location.' });
  return presentLocation(row);
}

/** Whether `locationId` is a location of `organizationId` (another's is as good as none). */
export async function isOwnLocation(
  db: Db,
  organizationId: string,
  locationId: string,
): Promise<boolean> {
  return (
    (await locationRepository.findInOrganization(db, organizationId, locationId)) !== undefined
  );
}

/**
 * Whether `locationId` is a location of `organizationId` that takes stock: `active`,
 * `archived` (its history stays, nothing new arrives), or `undefined` for none of the
 * organization's (another's is as good as none).
 */
export async function locationStatus(
  db: Db,
  organizationId: string,
  locationId: string,
): Promise<'active' | 'archived' | undefined> {
  const row = await locationRepository.findInOrganization(db, organizationId, locationId);
  if (!row) return undefined;
  return row.archivedAt ? 'archived' : 'active';
}

/**
 * Gives the organization each of `inputs` it has no location of that name yet, in the caller's
 * transaction; neither audited nor published. For organizations the installation sets up itself
 * (the demo world, re-seeded at will); people add locations with `createLocation`. Returns the
 * id of every named location, found or made.
 */
export async function ensureLocations(
  tx: Tx,
  organizationId: string,
  inputs: readonly NewLocation[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  // Oldest first: of two locations with one name, the first made is the one meant.
  for (const row of await locationRepository.idsByName(tx.db, organizationId))
    if (!ids.has(row.name)) ids.set(row.name, row.id);
  for (const input of inputs) {
    if (ids.has(input.name)) continue;
    const row = await locationRepository.insert(tx.db, rowOf(organizationId, input));
    ids.set(row.name, row.id);
  }
  return ids;
}
