import { inTransaction } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { checkAddressPlace } from './location-address.rules.js';
import {
  locationRepository,
  type LocationChanges,
  type LocationRow,
} from './location.repository.js';
import type { LocationPatch, LocationView, SavedLocation } from './location.schemas.js';
import { presentLocation, type LocationDeps } from './location.service.js';
import './location.events.js';

const notFound = () => new AppError('NOT_FOUND', { detail: 'No such location.' });
const archived = (row: LocationRow) =>
  new AppError('LOCATION_ARCHIVED', {
    detail: `“${row.name}” is archived.`,
    extensions: { locationId: row.id },
  });

/** Row column ← patch field, with the field's path for `location.updated`'s `changed`. */
function changesOf(
  row: LocationRow,
  patch: LocationPatch,
): { changes: LocationChanges; changed: string[] } {
  const wanted: LocationChanges = {
    name: patch.name,
    contactName: patch.address?.contactName,
    phone: patch.address?.phone,
    line1: patch.address?.line1,
    line2: patch.address?.line2,
    city: patch.address?.city,
    state: patch.address?.state,
    pincode: patch.address?.pincode,
  };
  const changes: LocationChanges = {};
  const changed: string[] = [];
  for (const [column, value] of Object.entries(wanted) as Array<
    [keyof LocationChanges, string | null | undefined]
  >) {
    if (value === undefined || value === row[column]) continue;
    Object.assign(changes, { [column]: value });
    changed.push(column === 'name' ? 'name' : `address.${column}`);
  }
  return { changes, changed };
}

/**
 * Edits a location: only the fields sent change, and the resulting address is checked against
 * the PIN directory as a whole (a new state with the old PIN is refused as on creation). An
 * archived location is LOCATION_ARCHIVED. A real change is audited (before and after) and
 * publishes `location.updated`; sending the current values changes nothing and records nothing.
 */
export async function updateLocation(
  deps: LocationDeps,
  organizationId: string,
  id: string,
  patch: LocationPatch,
  audit: AuditContext,
): Promise<SavedLocation> {
  return inTransaction(deps.pool, async (tx) => {
    const row = await locationRepository.lockInOrganization(
      tx.db,
      organizationId,
      id,
      'no key update',
    );
    if (!row) throw notFound();
    if (row.archivedAt) throw archived(row);
    // The address as it will be, checked as a whole: a new state with the old PIN is refused.
    const place = {
      city: patch.address?.city ?? row.city,
      state: patch.address?.state ?? row.state,
      pincode: patch.address?.pincode ?? row.pincode,
    };
    const warnings = checkAddressPlace(await deps.pins.lookup(place.pincode), place);
    const { changes, changed } = changesOf(row, patch);
    if (changed.length === 0) return { ...presentLocation(row), warnings };
    const before = presentLocation(row);
    const updated = await locationRepository.update(tx.db, id, changes);
    const after = presentLocation(updated);
    await recordAudit(tx, {
      ...audit,
      organizationId,
      action: 'location.updated',
      entityType: 'location',
      entityId: id,
      before,
      after,
    });
    await deps.events.publish(tx, {
      type: 'location.updated',
      payload: { locationId: id, organizationId, pincode: updated.pincode, changed },
      aggregateType: 'location',
      aggregateId: id,
      organizationId,
      requestId: audit.requestId,
    });
    return { ...after, warnings };
  });
}

/**
 * Archives a location: it leaves lists and pickers, stock operations there are refused
 * (LOCATION_ARCHIVED), and its movements and levels keep pointing at it. Refused with
 * LOCATION_HOLDS_STOCK while anything is on hand, reserved or in transit there. The row is
 * locked first, then the stock read, so a stock operation either finished before (and is
 * counted) or waits and then finds the location archived. Archiving an archived location
 * answers it as it is. Audited and published as `location.archived`.
 */
export async function archiveLocation(
  deps: LocationDeps,
  organizationId: string,
  id: string,
  audit: AuditContext,
): Promise<LocationView> {
  return inTransaction(deps.pool, async (tx) => {
    const row = await locationRepository.lockInOrganization(tx.db, organizationId, id);
    if (!row) throw notFound();
    if (row.archivedAt) return presentLocation(row);
    const stock = await deps.stockHeld(tx.db, organizationId, id);
    if (stock.onHand > 0 || stock.reserved > 0 || stock.inTransit > 0)
      throw new AppError('LOCATION_HOLDS_STOCK', {
        detail:
          `“${row.name}” still holds stock of ${stock.parts} part(s): ${stock.onHand} on hand, ` +
          `${stock.reserved} reserved, ${stock.inTransit} in transit. Move or count it out first.`,
        extensions: { stock },
      });
    const before = presentLocation(row);
    const after = presentLocation(await locationRepository.archive(tx.db, id));
    await recordAudit(tx, {
      ...audit,
      organizationId,
      action: 'location.archived',
      entityType: 'location',
      entityId: id,
      before,
      after,
    });
    await deps.events.publish(tx, {
      type: 'location.archived',
      payload: { locationId: id, organizationId },
      aggregateType: 'location',
      aggregateId: id,
      organizationId,
      requestId: audit.requestId,
    });
    return after;
  });
}
