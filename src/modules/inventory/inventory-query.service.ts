import { z } from 'zod';
import type { Db } from '../../platform/db/database.js';
import { toPage } from '../../platform/http/pagination.js';
import { presentRecordActor, recordActorSchema } from '../../platform/http/record-actor.js';
import { actorNamesFor, type ActorNames } from '../identity/index.js';
import { adjustmentReasons, movementKinds } from './inventory.tables.js';
import { stockQueryRepository, type LevelRow, type MovementRow } from './stock-query.repository.js';

const limit = z.coerce.number().int().min(1).max(200).default(50);
/** `<locationId>:<partId>`, both UUIDs in their 8-4-4-4-12 shape: anything else is a 400. */
const uuidShape = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const levelCursor = new RegExp(`^(${uuidShape}):(${uuidShape})$`, 'i');

export const levelQuerySchema = z
  .object({
    locationId: z.uuid().optional(),
    partId: z.uuid().optional(),
    lowStock: z
      .enum(['true', 'false'])
      .optional()
      .transform((value) => value === 'true')
      .describe('Only levels whose available stock is at or below the reorder point (or min)'),
    limit,
    cursor: z
      .string()
      .regex(levelCursor, 'is not a cursor this list returned')
      .optional()
      .describe('`nextCursor` of the previous page'),
  })
  .strict();
export type LevelQuery = z.infer<typeof levelQuerySchema>;

export const movementQuerySchema = z
  .object({
    locationId: z.uuid().optional(),
    partId: z.uuid().optional(),
    limit,
    cursor: z
      .string()
      .regex(/^[1-9]\d{0,17}$/, 'is not a cursor this list returned')
      .optional()
      .describe('`nextCursor` of the previous page'),
  })
  .strict();
export type MovementQuery = z.infer<typeof movementQuerySchema>;

export const levelSchema = z.object({
  locationId: z.uuid(),
  partId: z.uuid(),
  partNumber: z.string(),
  partName: z.string(),
  onHand: z.number().int(),
  reserved: z.number().int(),
  available: z.number().int(),
  inTransit: z.number().int(),
  minQuantity: z.number().int().nullable(),
  maxQuantity: z.number().int().nullable(),
  reorderPoint: z.number().int().nullable(),
  averageCostPaise: z.number().int(),
});
export type LevelItem = z.infer<typeof levelSchema>;

export const movementSchema = z.object({
  id: z.number().int(),
  locationId: z.uuid(),
  partId: z.uuid(),
  part: z.object({ id: z.uuid(), partNumber: z.string(), name: z.string() }),
  location: z.object({ id: z.uuid(), name: z.string(), city: z.string() }),
  kind: z.enum(movementKinds),
  onHandDelta: z.number().int(),
  reservedDelta: z.number().int(),
  inTransitDelta: z.number().int(),
  reason: z.enum(adjustmentReasons).nullable(),
  note: z.string().nullable(),
  referenceType: z.string().nullable(),
  referenceId: z.string().nullable(),
  unitCostPaise: z.number().int().nullable(),
  actor: recordActorSchema.describe(
    "Who made the movement: a member or API key of the organization by name (`userId` and `apiKeyId` as before); `system` for SpareFlow's own jobs",
  ),
  createdAt: z.iso.datetime(),
});

export function presentLevel(row: LevelRow): LevelItem {
  return { ...row, available: row.onHand - row.reserved };
}

function presentMovement(row: MovementRow, names: ActorNames): z.infer<typeof movementSchema> {
  return {
    id: row.id,
    locationId: row.locationId,
    partId: row.partId,
    part: { id: row.partId, partNumber: row.partNumber, name: row.partName },
    location: { id: row.locationId, name: row.locationName, city: row.locationCity },
    kind: row.kind,
    onHandDelta: row.onHandDelta,
    reservedDelta: row.reservedDelta,
    inTransitDelta: row.inTransitDelta,
    reason: row.reason,
    note: row.note,
    referenceType: row.referenceType,
    referenceId: row.referenceId,
    unitCostPaise: row.unitCostPaise,
    actor: presentRecordActor({ userId: row.actorUserId, apiKeyId: row.actorApiKeyId }, names),
    createdAt: row.createdAt.toISOString(),
  };
}

/** The organization's stock levels with their part, in (location, part) order. */
export async function listLevels(db: Db, organizationId: string, query: LevelQuery) {
  const match = query.cursor ? levelCursor.exec(query.cursor) : null;
  const after = match ? { locationId: match[1] as string, partId: match[2] as string } : undefined;
  const rows = await stockQueryRepository.pageLevels(
    db,
    organizationId,
    { locationId: query.locationId, partId: query.partId, lowStock: query.lowStock, after },
    query.limit + 1,
  );
  return toPage(rows, query.limit, presentLevel, (row) => `${row.locationId}:${row.partId}`);
}

/**
 * The organization's ledger, newest first, with part numbers, location names and the names of
 * the members and API keys who made each movement (only the organization's own: see
 * `actorNamesFor`).
 */
export async function listMovements(db: Db, organizationId: string, query: MovementQuery) {
  const rows = await stockQueryRepository.pageMovements(
    db,
    organizationId,
    {
      locationId: query.locationId,
      partId: query.partId,
      beforeId: query.cursor === undefined ? undefined : Number(query.cursor),
    },
    query.limit + 1,
  );
  const names = await actorNamesFor(db, organizationId, {
    userIds: rows.map((row) => row.actorUserId),
    apiKeyIds: rows.map((row) => row.actorApiKeyId),
  });
  return toPage(
    rows,
    query.limit,
    (row) => presentMovement(row, names),
    (row) => String(row.id),
  );
}
