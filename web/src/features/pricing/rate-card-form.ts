import { paiseToRupeesInput, rupeesToPaise } from '../../lib/format';
import { zoneOrder, type NewRateCard, type RateCardVersion, type Zone } from './pricing.queries';

/** The editor's text fields: what people type (rupees, percentages, "City = Metro" lines). */
export interface RateCardDraft {
  effectiveFrom: string;
  note: string;
  volumetricDivisor: string;
  fuelPercent: string;
  codFlatRupees: string;
  codPercent: string;
  services: Array<{
    serviceType: string;
    label: string;
    firstSlabGrams: number;
    additionalSlabGrams: number;
    slabs: Record<Zone, { first: string; additional: string }>;
  }>;
  markupRules: Array<{
    brandId: string;
    partyType: string | null;
    percent: string;
    minimumRupees: string;
  }>;
  metroLines: string;
  specialLines: string;
}

/** 1250 bps → "12.5" (exact: integer arithmetic, no float round trip). */
export function bpsToPercentInput(bps: number): string {
  const fraction = String(bps % 100)
    .padStart(2, '0')
    .replace(/0+$/, '');
  return fraction ? `${Math.floor(bps / 100)}.${fraction}` : String(Math.floor(bps / 100));
}

/** "12.5" → 1250, "18" → 1800, "0.05" → 5; null when not a percentage with ≤ 2 decimals. */
export function percentInputToBps(input: string): number | null {
  const match = /^\s*(\d{1,5})(?:\.(\d{1,2}))?\s*%?\s*$/.exec(input);
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

export function draftOf(card: RateCardVersion): RateCardDraft {
  return {
    effectiveFrom: '',
    note: '',
    volumetricDivisor: String(card.volumetricDivisor),
    fuelPercent: bpsToPercentInput(card.fuelSurchargeBps),
    codFlatRupees: paiseToRupeesInput(card.cod.flatPaise),
    codPercent: bpsToPercentInput(card.cod.percentBps),
    services: card.services.map((service) => ({
      serviceType: service.serviceType,
      label: service.label,
      firstSlabGrams: service.firstSlabGrams,
      additionalSlabGrams: service.additionalSlabGrams,
      slabs: Object.fromEntries(
        zoneOrder.map((zone) => [
          zone,
          {
            first: paiseToRupeesInput(service.slabs[zone].firstSlabPaise),
            additional: paiseToRupeesInput(service.slabs[zone].additionalSlabPaise),
          },
        ]),
      ) as Record<Zone, { first: string; additional: string }>,
    })),
    markupRules: card.markupRules.map((rule) => ({
      brandId: rule.brandId ?? '',
      partyType: rule.partyType,
      percent: bpsToPercentInput(rule.percentBps),
      minimumRupees: paiseToRupeesInput(rule.minimumPaise),
    })),
    metroLines: card.metroCities.map((m) => `${m.city} = ${m.metro}`).join('\n'),
    specialLines: card.specialRegions.map((r) => `${r.state} = ${r.region}`).join('\n'),
  };
}

const pairs = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [left = '', ...right] = line.split('=');
      return [left.trim(), right.join('=').trim()] as const;
    });

/**
 * The request body of a new version from the editor's fields, or the fields that do not parse
 * (keyed like the form's inputs). The server checks the card's own rules.
 */
export function bodyOf(
  draft: RateCardDraft,
  basedOnId: string,
): { body: NewRateCard } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const money = (key: string, value: string) => {
    const paise = rupeesToPaise(value);
    if (paise === null) errors[key] = 'Enter rupees, e.g. 63 or 63.50';
    return paise ?? 0;
  };
  const percent = (key: string, value: string) => {
    const bps = percentInputToBps(value);
    if (bps === null) errors[key] = 'Enter a percentage, e.g. 10 or 2.5';
    return bps ?? 0;
  };
  const divisor = Number(draft.volumetricDivisor);
  if (!Number.isInteger(divisor)) errors.volumetricDivisor = 'A whole number, e.g. 5000';
  let effectiveFrom: string | undefined;
  if (draft.effectiveFrom) {
    const at = new Date(draft.effectiveFrom);
    if (Number.isNaN(at.getTime())) errors.effectiveFrom = 'Pick a date and time';
    else effectiveFrom = at.toISOString();
  }
  const body: NewRateCard = {
    ...(effectiveFrom ? { effectiveFrom } : {}),
    basedOnId,
    note: draft.note.trim(),
    volumetricDivisor: divisor,
    fuelSurchargeBps: percent('fuelPercent', draft.fuelPercent),
    cod: {
      flatPaise: money('codFlatRupees', draft.codFlatRupees),
      percentBps: percent('codPercent', draft.codPercent),
    },
    services: draft.services.map((service, s) => ({
      serviceType: service.serviceType,
      label: service.label,
      firstSlabGrams: service.firstSlabGrams,
      additionalSlabGrams: service.additionalSlabGrams,
      slabs: Object.fromEntries(
        zoneOrder.map((zone) => [
          zone,
          {
            firstSlabPaise: money(
              `services.${s}.slabs.${zone}.firstSlabPaise`,
              service.slabs[zone].first,
            ),
            additionalSlabPaise: money(
              `services.${s}.slabs.${zone}.additionalSlabPaise`,
              service.slabs[zone].additional,
            ),
          },
        ]),
      ) as NewRateCard['services'][number]['slabs'],
    })),
    markupRules: draft.markupRules.map((rule, r) => ({
      brandId: rule.brandId.trim() || null,
      partyType: rule.partyType as NewRateCard['markupRules'][number]['partyType'],
      percentBps: percent(`markupRules.${r}.percentBps`, rule.percent),
      minimumPaise: money(`markupRules.${r}.minimumPaise`, rule.minimumRupees),
    })),
    metroCities: pairs(draft.metroLines).map(([city, metro]) => ({ city, metro: metro || city })),
    specialRegions: pairs(draft.specialLines).map(([state, region]) => ({
      state: state as NewRateCard['specialRegions'][number]['state'],
      region: region || state,
    })),
  };
  return Object.keys(errors).length > 0 ? { errors } : { body };
}
