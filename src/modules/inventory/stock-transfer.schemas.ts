import { z } from 'zod';
import { transferStatuses } from './inventory.tables.js';
import type { TransferWithLines } from './stock-transfer.repository.js';

const quantity = z.number().int().min(1).max(1_000_000);

export const newTransferSchema = z
  .object({
    fromLocationId: z.uuid(),
    toLocationId: z.uuid(),
    lines: z
      .array(z.object({ partId: z.uuid(), quantity }).strict())
      .min(1)
      .max(500),
    note: z.string().trim().min(1).max(500).optional(),
  })
  .strict()
  .refine((body) => body.fromLocationId !== body.toLocationId, {
    path: ['toLocationId'],
    message: 'must differ from fromLocationId',
  })
  .describe('`toLocationId` must differ from `fromLocationId`; both are locations of the caller.');
export type NewTransfer = z.infer<typeof newTransferSchema>;

export const transferSchema = z.object({
  id: z.uuid(),
  fromLocationId: z.uuid(),
  toLocationId: z.uuid(),
  status: z.enum(transferStatuses),
  note: z.string().nullable(),
  lines: z.array(z.object({ partId: z.uuid(), quantity: z.number().int() })),
  createdAt: z.iso.datetime(),
  receivedAt: z.iso.datetime().nullable(),
});
export type TransferView = z.infer<typeof transferSchema>;

export function presentTransfer(row: TransferWithLines): TransferView {
  return {
    id: row.id,
    fromLocationId: row.fromLocationId,
    toLocationId: row.toLocationId,
    status: row.status,
    note: row.note,
    lines: row.lines,
    createdAt: row.createdAt.toISOString(),
    receivedAt: row.receivedAt?.toISOString() ?? null,
  };
}
