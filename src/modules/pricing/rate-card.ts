import type { IndianState } from '../../platform/geo/indian-states.js';

/**
 * The shape of a rate card version as the engine reads it: everything a price depends on, so a
 * quote is a pure function of (card, shipment). Stored across the `rate_card_*` tables
 * (pricing.tables.ts); a version never changes once written (ADR 0014).
 */

/** Zones from nearest to farthest: prices never decrease along this order (rate-card.rules.ts). */
export const zones = [
  'within_city',
  'within_state',
  'metro_to_metro',
  'rest_of_india',
  'special',
] as const;
export type Zone = (typeof zones)[number];

export const zoneLabels: Record<Zone, string> = {
  within_city: 'Within city',
  within_state: 'Within state',
  metro_to_metro: 'Metro to metro',
  rest_of_india: 'Rest of India',
  special: 'Special region',
};

/** Who a markup rule is for, by the paying organization's type. */
export const markupPartyTypes = ['brand', 'distributor', 'service_center', 'customer'] as const;
export type MarkupPartyType = (typeof markupPartyTypes)[number];

/** Price of one zone of a service: the first slab, then each additional slab started. */
export interface SlabPrice {
  firstSlabPaise: number;
  additionalSlabPaise: number;
}

/** One service (express, ground…): its slab sizes and its price in every zone. */
export interface ServiceRates {
  /** Stable key clients send as `serviceType` (`standard`, `ground`). */
  serviceType: string;
  label: string;
  /** Weight the first slab covers (500 g express, 3 kg ground). */
  firstSlabGrams: number;
  /** Each additional slab, started, is charged in full (500 g express, 1 kg ground). */
  additionalSlabGrams: number;
  slabs: Record<Zone, SlabPrice>;
}

/**
 * The platform's margin for one kind of payer: a percentage of the carrier cost, never less than
 * the minimum. `brandId` set = a brand's negotiated override; `partyType` null = any type.
 */
export interface MarkupRule {
  brandId: string | null;
  partyType: MarkupPartyType | null;
  percentBps: number;
  minimumPaise: number;
}

/** A city that counts as part of a metro area (Thane and Navi Mumbai are Mumbai). */
export interface MetroCity {
  city: string;
  metro: string;
}

/** A state or union territory priced as a special zone, with the region it belongs to. */
export interface SpecialRegion {
  state: IndianState;
  region: string;
}

/** The pricing content of a version: what an administrator edits into a new version. */
export interface RateCardTerms {
  /** cm³ per kg: volumetric kg = L × W × H / divisor (5000 for express). */
  volumetricDivisor: number;
  /** Fuel surcharge on base freight, in basis points (1000 = 10 %). */
  fuelSurchargeBps: number;
  /** COD fee: the flat amount or the percentage of the COD value, whichever is higher. */
  cod: { flatPaise: number; percentBps: number };
  services: ServiceRates[];
  markupRules: MarkupRule[];
  metroCities: MetroCity[];
  specialRegions: SpecialRegion[];
}

/** A stored version: its identity and the date from which it prices. */
export interface RateCard extends RateCardTerms {
  id: string;
  /** 1, 2, 3…: the order versions were created in. */
  number: number;
  effectiveFrom: Date;
}

/** GST on courier services (SAC 996812): 18 %, not a card parameter (it is the law, not a tariff). */
export const gstBps = 1800;
export const courierSac = '996812';
