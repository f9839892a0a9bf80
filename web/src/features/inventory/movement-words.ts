import type { Movement } from './inventory.queries';

/** What each kind of movement is called on the movements page (the API keeps its codes). */
export const movementKindLabels: Record<Movement['kind'], string> = {
  adjustment: 'Adjustment',
  reservation: 'Reserved',
  release: 'Reservation released',
  consumption: 'Reserved stock used',
  transfer_out: 'Transfer out',
  transfer_in_transit: 'Transfer in transit',
  transfer_receipt: 'Transfer received',
  count: 'Stock count',
  import: 'CSV import',
  reservation_handover: 'Reservation handed over',
  reservation_takeover: 'Reservation taken over',
};

/** The reason codes of adjustments, counts and imports, in words. */
export const movementReasonLabels: Record<NonNullable<Movement['reason']>, string> = {
  receipt: 'Receipt',
  count_correction: 'Count correction',
  damage: 'Damage',
  loss: 'Loss',
  return_restock: 'Return restocked',
};
