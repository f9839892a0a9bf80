import { z } from 'zod';
import type pg from 'pg';
import type { Db } from '../../platform/db/database.js';
import { inTransaction, type Tx } from '../../platform/db/transaction.js';
import { AppError } from '../../platform/errors/app-error.js';
import type { EventBus } from '../../platform/jobs/domain-events.js';
import { toPage, type PageQuery } from '../../platform/http/pagination.js';
import { recordAudit, type AuditContext } from '../audit/index.js';
import { indianStates } from './indian-states.js';
import {
  locationRepository,
  type LocationRow,
  type NewLocationRow,
} from './location.repository.js';
import './location.events.js';

/** Indian mobile or landline (STD code + number): `+91` and 10 digits, or the 10 digits alone. */
export const indianPhoneSchema = z
  .string()
  .trim()
  .regex(/^(\+91)?[1-9]\d{9}$/, 'must be an Indian phone number: +91 and 10 digits, or 10 digits')
  .transform((phone) => (phone.startsWith('+91') ? phone : `+91${phone}`));

/** A 6-digit Indian postal PIN; the first digit (postal region) is never 0. */
export const pincodeSchema = z
  .string()
  .trim()
  .regex(/^[1-9][0-9]{5}$/, 'must be a 6-digit Indian PIN code not starting with 0');

const text = (max: number) => z.string().trim().min(1).max(max);

export const addressSchema = z
  .object({
    contactName: text(200),
    phone: indianPhoneSchema,
    line1: text(300),
    line2: text(300).optional(),
    city: text(100),
    state: z.enum(indianStates, {
      error: 'must be an Indian state or union territory, e.g. Maharashtra',
    }),
    pincode: pincodeSchema,
  })
  .strict();

export const newLocationSchema = z.object({ name: text(200), address: addressSchema }).strict();
export type NewLocation = z.infer<typeof newLocationSchema>;

export const locationSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  address: z.object({
    contactName: z.string(),
    phone: z.string(),
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    state: z.string(),
    pincode: z.string(),
  }),
  createdAt: z.iso.datetime(),
});
export type LocationView = z.infer<typeof locationSchema>;

function present(row: LocationRow): LocationView {
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
  };
}

export interface LocationDeps {
  pool: pg.Pool;
  db: Db;
  events: EventBus;
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

/** Adds a location to the caller's organization, audited and published in one transaction. */
export async function createLocation(
  deps: LocationDeps,
  organizationId: string,
  input: NewLocation,
  audit: AuditContext,
): Promise<LocationView> {
  return inTransaction(deps.pool, async (tx) => {
    const row = await locationRepository.insert(tx.db, rowOf(organizationId, input));
    const view = present(row);
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
    return view;
  });
}

export async function listLocations(
  deps: LocationDeps,
  organizationId: string,
  query: PageQuery,
): Promise<{ items: LocationView[]; nextCursor: string | null }> {
  const rows = await locationRepository.page(
    deps.db,
    organizationId,
    query.limit + 1,
    query.cursor,
  );
  return toPage(rows, query.limit, present, (row) => row.id);
}

/** One location of the caller's organization; any other id is NOT_FOUND. */
export async function getLocation(
  deps: LocationDeps,
  organizationId: string,
  id: string,
): Promise<LocationView> {
  const row = await locationRepository.findInOrganization(deps.db, organizationId, id);
  if (!row) throw new AppError('NOT_FOUND', { detail: 'No such location.' });
  return present(row);
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
