/** The GST slabs a part may carry, in percent (India, including the 2025 40 % slab). */
export const gstSlabsPercent = [0, 0.1, 0.25, 1.5, 3, 5, 12, 18, 28, 40] as const;

/** Percent → basis points as stored (`18` → `1800`, `0.25` → `25`), exact for every slab. */
export function gstPercentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

export function gstBasisPointsToPercent(basisPoints: number): number {
  return basisPoints / 100;
}

/** Whether a rate is one of the GST slabs (a typo like 1.8 % must not reach an invoice). */
export function isGstSlab(percent: number): boolean {
  return (gstSlabsPercent as readonly number[]).includes(percent);
}

/** HSN codes on GST invoices have 4, 6 or 8 digits. */
export const hsnCodePattern = /^(\d{4}|\d{6}|\d{8})$/;

/**
 * MRP is the ceiling a part may be sold at, so it cannot be below the unit (trade) price.
 * Only checked when both are known.
 */
export function mrpCoversUnitPrice(
  unitPricePaise: number | null | undefined,
  mrpPaise: number | null | undefined,
): boolean {
  if (unitPricePaise == null || mrpPaise == null) return true;
  return mrpPaise >= unitPricePaise;
}

export interface ChainLink {
  id: string;
  status: string;
  supersededByPartId: string | null;
}

/**
 * Follows supersession from `startId` through `links` (id → part) and returns the ids in order,
 * stopping at the end of the chain, at a missing part, or where a part repeats (a cycle the
 * database could hold if it was written around the API).
 */
export function supersessionChain(
  startId: string,
  links: ReadonlyMap<string, ChainLink>,
): string[] {
  const seen = new Set<string>();
  const chain: string[] = [];
  let current: string | null = startId;
  while (current !== null && !seen.has(current)) {
    const link = links.get(current);
    if (!link) break;
    seen.add(current);
    chain.push(current);
    current = link.supersededByPartId;
  }
  return chain;
}

/**
 * The part to order instead of `startId`: the first active part along its supersession chain
 * (the part itself when active). `undefined` when no part along the chain is active.
 */
export function firstActiveInChain(
  startId: string,
  links: ReadonlyMap<string, ChainLink>,
): string | undefined {
  return supersessionChain(startId, links).find((id) => links.get(id)?.status === 'active');
}

/** Whether pointing `partId` at `replacementId` would close a loop (the chain comes back). */
export function wouldCreateCycle(
  partId: string,
  replacementId: string,
  links: ReadonlyMap<string, ChainLink>,
): boolean {
  if (partId === replacementId) return true;
  return supersessionChain(replacementId, links).includes(partId);
}
