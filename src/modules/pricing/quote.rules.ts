import { assertPaise, formatPercent, formatRupees, percentOfPaise } from './money.rules.js';
import {
  courierSac,
  gstBps,
  zoneLabels,
  type MarkupPartyType,
  type MarkupRule,
  type RateCard,
  type ServiceRates,
  type Zone,
} from './rate-card.js';
import type { ReversePayer } from './reverse-payer.rules.js';
import { zoneOf, type Place, type ZoneDecision } from './zone.rules.js';

/** One box as packed: actual weight in grams, outer dimensions in whole centimetres. */
export interface Box {
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
}

/** Whose markup applies: the paying organization's type and, for a brand, its id. */
export interface MarkupSubject {
  partyType: MarkupPartyType | 'platform';
  brandId: string | null;
}

export interface QuoteInput {
  origin: Place;
  destination: Place;
  /** A service of the card; the card's first service when omitted. */
  serviceType?: string | undefined;
  /** Cash to collect on delivery; 0 or absent = prepaid. */
  codAmountPaise?: number | undefined;
  boxes: readonly Box[];
  markup: MarkupSubject;
  /** The payer of a reverse shipment, echoed on the quote. */
  payer?: ReversePayer | undefined;
}

/** Stable codes of breakdown lines (clients may style by them; labels are for people). */
export type QuoteLineCode =
  | 'freight_first_slab'
  | 'freight_additional_slabs'
  | 'fuel_surcharge'
  | 'cod_fee'
  | 'platform_fee'
  | 'gst';

export interface QuoteLine {
  code: QuoteLineCode;
  label: string;
  amountPaise: number;
}

export interface BoxWeight {
  actualGrams: number;
  volumetricGrams: number;
  chargeableGrams: number;
}

/**
 * A price, explained: the breakdown lines add up to `totalPaise`, and `split` is how a booking
 * posts it to the ledger (carrier freight cost, platform margin, GST payable).
 */
export interface Quote {
  totalPaise: number;
  /** Σ per box of max(actual, volumetric). */
  chargeableWeightGrams: number;
  /** The chargeable weight rounded up to the slabs charged. */
  billedWeightGrams: number;
  zone: Zone;
  zoneDetail: ZoneDecision;
  serviceType: string;
  boxes: BoxWeight[];
  breakdown: QuoteLine[];
  split: { freightPaise: number; marginPaise: number; gstPaise: number };
  /** GST's base: freight, surcharges and the platform fee. */
  taxablePaise: number;
  rateCardVersion: { id: string; number: number; effectiveFrom: string };
  payer?: ReversePayer;
}

/** Why a quote cannot be made from valid input: the caller maps it to a problem. */
export class QuoteRefusal extends Error {
  constructor(
    readonly reason: 'service_not_priced',
    message: string,
  ) {
    super(message);
  }
}

/** Volumetric grams of a box: L × W × H / divisor kg, rounded up to the gram. */
export function volumetricGrams(box: Box, divisor: number): number {
  const cubicCm = box.lengthCm * box.widthCm * box.heightCm;
  return Math.ceil((cubicCm * 1000) / divisor);
}

/** Each box's actual, volumetric and chargeable (the larger) weight. */
export function boxWeights(boxes: readonly Box[], divisor: number): BoxWeight[] {
  return boxes.map((box) => {
    const volumetric = volumetricGrams(box, divisor);
    return {
      actualGrams: box.weightGrams,
      volumetricGrams: volumetric,
      chargeableGrams: Math.max(box.weightGrams, volumetric),
    };
  });
}

/** How many additional slabs a weight starts beyond the first: ceil((w − first) / slab). */
export function additionalSlabs(service: ServiceRates, grams: number): number {
  if (grams <= service.firstSlabGrams) return 0;
  return Math.ceil((grams - service.firstSlabGrams) / service.additionalSlabGrams);
}

/**
 * The markup rule for a payer, most specific first: this brand and this type, this brand, this
 * type, then the default (neither). Undefined when the card has none that fits.
 */
export function markupRuleFor(
  rules: readonly MarkupRule[],
  subject: MarkupSubject,
): MarkupRule | undefined {
  const score = (rule: MarkupRule) => {
    if (rule.brandId !== null && rule.brandId !== subject.brandId) return -1;
    if (rule.partyType !== null && rule.partyType !== subject.partyType) return -1;
    return (rule.brandId !== null ? 2 : 0) + (rule.partyType !== null ? 1 : 0);
  };
  let best: MarkupRule | undefined;
  for (const rule of rules)
    if (score(rule) >= 0 && (!best || score(rule) > score(best))) best = rule;
  return best;
}

const grams = (g: number) => (g % 1000 === 0 ? `${g / 1000} kg` : `${g} g`);

/**
 * The price of a shipment on a rate card, line by line. Pure: the same card and input give the
 * same quote, which is what lets a booking keep the card version and be re-explained later.
 *
 * Freight = first slab + additional slabs (zone and service), on the total chargeable weight;
 * fuel surcharge = % of that freight; COD fee = max(flat, % of COD value); platform fee =
 * max(minimum, % of the carrier cost); GST = 18 % of everything before it. Each line is rounded
 * half up to the paisa once, and the total is the sum of the lines.
 */
export function quoteShipment(card: RateCard, input: QuoteInput): Quote {
  const service =
    input.serviceType === undefined
      ? card.services[0]
      : card.services.find((s) => s.serviceType === input.serviceType);
  if (!service)
    throw new QuoteRefusal(
      'service_not_priced',
      `Rate card ${card.number} has no service “${input.serviceType ?? '(any)'}”.`,
    );
  const codAmount = input.codAmountPaise ?? 0;
  assertPaise(codAmount, 'codAmountPaise');
  const zoneDetail = zoneOf(card, input.origin, input.destination);
  const slab = service.slabs[zoneDetail.zone];

  const weights = boxWeights(input.boxes, card.volumetricDivisor);
  const chargeable = weights.reduce((sum, box) => sum + box.chargeableGrams, 0);
  const extraSlabs = additionalSlabs(service, chargeable);
  const billed = service.firstSlabGrams + extraSlabs * service.additionalSlabGrams;

  const lines: QuoteLine[] = [];
  const zoneName = zoneLabels[zoneDetail.zone].toLowerCase();
  lines.push({
    code: 'freight_first_slab',
    label: `Freight, ${service.label}, ${zoneName}: first ${grams(service.firstSlabGrams)}`,
    amountPaise: slab.firstSlabPaise,
  });
  if (extraSlabs > 0)
    lines.push({
      code: 'freight_additional_slabs',
      label: `Freight: ${extraSlabs} × additional ${grams(service.additionalSlabGrams)} at ${formatRupees(slab.additionalSlabPaise)}`,
      amountPaise: extraSlabs * slab.additionalSlabPaise,
    });
  const baseFreight = slab.firstSlabPaise + extraSlabs * slab.additionalSlabPaise;
  if (card.fuelSurchargeBps > 0)
    lines.push({
      code: 'fuel_surcharge',
      label: `Fuel surcharge: ${formatPercent(card.fuelSurchargeBps)} of ${formatRupees(baseFreight)} freight`,
      amountPaise: percentOfPaise(baseFreight, card.fuelSurchargeBps),
    });
  if (codAmount > 0) {
    const percent = percentOfPaise(codAmount, card.cod.percentBps);
    lines.push({
      code: 'cod_fee',
      label: `COD fee: ${formatRupees(card.cod.flatPaise)} or ${formatPercent(card.cod.percentBps)} of ${formatRupees(codAmount)}, whichever is higher`,
      amountPaise: Math.max(card.cod.flatPaise, percent),
    });
  }
  const carrierCost = lines.reduce((sum, line) => sum + line.amountPaise, 0);

  const rule = markupRuleFor(card.markupRules, input.markup);
  const margin = rule
    ? Math.max(rule.minimumPaise, percentOfPaise(carrierCost, rule.percentBps))
    : 0;
  if (rule)
    lines.push({
      code: 'platform_fee',
      label: `Platform fee: ${formatPercent(rule.percentBps)} of ${formatRupees(carrierCost)}, at least ${formatRupees(rule.minimumPaise)}`,
      amountPaise: margin,
    });
  const taxable = carrierCost + margin;
  const gst = percentOfPaise(taxable, gstBps);
  lines.push({
    code: 'gst',
    label: `GST ${formatPercent(gstBps)} (SAC ${courierSac}) on ${formatRupees(taxable)}`,
    amountPaise: gst,
  });

  return {
    totalPaise: taxable + gst,
    chargeableWeightGrams: chargeable,
    billedWeightGrams: billed,
    zone: zoneDetail.zone,
    zoneDetail,
    serviceType: service.serviceType,
    boxes: weights,
    breakdown: lines,
    split: { freightPaise: carrierCost, marginPaise: margin, gstPaise: gst },
    taxablePaise: taxable,
    rateCardVersion: {
      id: card.id,
      number: card.number,
      effectiveFrom: card.effectiveFrom.toISOString(),
    },
    ...(input.payer ? { payer: input.payer } : {}),
  };
}
