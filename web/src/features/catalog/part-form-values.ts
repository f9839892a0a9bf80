import { parsePercent } from '../../../../src/platform/validation/percent';
import { paiseToRupeesInput, rupeesToPaise } from '../../lib/format';
import type { NewPart, Part, PartPatch, PartStatus } from './catalog.queries';

type GstSlab = NonNullable<NewPart['gstRatePercent']>;

/** The GST slabs the server accepts, in percent (part.rules.ts; the API types them as an enum). */
export const gstSlabsPercent: readonly GstSlab[] = [0, 0.1, 0.25, 1.5, 3, 5, 12, 18, 28, 40];

/**
 * The editor's values. The two price fields hold what the person types in rupees; they carry the
 * API's field names so the server's field errors (`body.unitPricePaise`) land on them.
 */
export interface PartFormValues {
  partNumber: string;
  name: string;
  description: string;
  category: string;
  hsnCode: string;
  gstRatePercent: string;
  unitPricePaise: string;
  mrpPaise: string;
  weightGrams: number | string;
  lengthCm: number | string;
  widthCm: number | string;
  heightCm: number | string;
  compatibleModels: string[];
  status: PartStatus;
}

export function initialPartValues(part?: Part): PartFormValues {
  return {
    partNumber: part?.partNumber ?? '',
    name: part?.name ?? '',
    description: part?.description ?? '',
    category: part?.category ?? '',
    hsnCode: part?.hsnCode ?? '',
    gstRatePercent: part?.gstRatePercent === null || !part ? '' : String(part.gstRatePercent),
    unitPricePaise: part ? paiseToRupeesInput(part.unitPricePaise) : '',
    mrpPaise: paiseToRupeesInput(part?.mrpPaise),
    weightGrams: part?.weightGrams ?? '',
    lengthCm: part?.lengthCm ?? '',
    widthCm: part?.widthCm ?? '',
    heightCm: part?.heightCm ?? '',
    compatibleModels: part?.compatibleModels ?? [],
    status: part?.status ?? 'active',
  };
}

const partNumberPattern = /^[A-Za-z0-9][A-Za-z0-9._\-/ ]*$/;
const maxPaise = 1e13;

function wholeNumber(label: string) {
  return (value: number | string) => {
    const number = typeof value === 'number' ? value : Number(value);
    if (value === '' || !Number.isInteger(number) || number < 1)
      return `Enter the ${label} as a whole number above 0`;
    return number > 10_000_000 ? `The ${label} is at most 1,00,00,000` : null;
  };
}

function rupees(value: string, required: boolean): string | null {
  if (!value.trim()) return required ? 'Enter the price in rupees' : null;
  const paise = rupeesToPaise(value);
  if (paise === null) return 'Enter rupees with at most 2 decimals, like 1499.50';
  return paise > maxPaise ? 'That amount is too large' : null;
}

/** Client validation mirroring the server's (part.schemas.ts). */
export const partValidation = {
  partNumber: (value: string) => {
    const text = value.trim();
    if (!text) return 'Enter the part number';
    if (text.length > 64) return 'At most 64 characters';
    return partNumberPattern.test(text)
      ? null
      : 'Letters, digits, space, . _ - or /, starting with a letter or digit';
  },
  name: (value: string) =>
    !value.trim() ? 'Enter the part’s name' : value.trim().length > 200 ? 'At most 200' : null,
  description: (value: string) => (value.trim().length > 4000 ? 'At most 4,000 characters' : null),
  category: (value: string) => (value.trim().length > 100 ? 'At most 100 characters' : null),
  hsnCode: (value: string) =>
    !value.trim() || /^(\d{4}|\d{6}|\d{8})$/.test(value.trim())
      ? null
      : 'An HSN code has 4, 6 or 8 digits',
  unitPricePaise: (value: string) => rupees(value, true),
  mrpPaise: (value: string, values: PartFormValues) => {
    const problem = rupees(value, false);
    if (problem || !value.trim()) return problem;
    const unit = rupeesToPaise(values.unitPricePaise);
    const mrp = rupeesToPaise(value);
    return unit !== null && mrp !== null && mrp < unit
      ? 'MRP cannot be below the unit price'
      : null;
  },
  weightGrams: wholeNumber('weight in grams'),
  lengthCm: wholeNumber('length in cm'),
  widthCm: wholeNumber('width in cm'),
  heightCm: wholeNumber('height in cm'),
  compatibleModels: (models: string[]) =>
    models.length > 200
      ? 'At most 200 models'
      : models.some((model) => model.length > 100)
        ? 'Each model at most 100 characters'
        : null,
};

/** The POST body: rupees → paise, empty optional fields left out. */
export function toNewPart(values: PartFormValues): NewPart {
  const optional = (value: string) => (value.trim() ? value.trim() : undefined);
  const mrp = values.mrpPaise.trim() ? rupeesToPaise(values.mrpPaise) : null;
  return {
    partNumber: values.partNumber.trim(),
    name: values.name.trim(),
    description: optional(values.description),
    category: optional(values.category),
    hsnCode: optional(values.hsnCode),
    // The select holds "18"; "18%" or "18.0" (the CSV's forms) mean the same slab.
    gstRatePercent: values.gstRatePercent
      ? gstSlabsPercent.find((slab) => slab === parsePercent(values.gstRatePercent))
      : undefined,
    unitPricePaise: rupeesToPaise(values.unitPricePaise) ?? 0,
    mrpPaise: mrp ?? undefined,
    weightGrams: Number(values.weightGrams),
    lengthCm: Number(values.lengthCm),
    widthCm: Number(values.widthCm),
    heightCm: Number(values.heightCm),
    compatibleModels: values.compatibleModels.map((model) => model.trim()).filter(Boolean),
    status: values.status,
  };
}

/** The PATCH body: only what changed; a cleared optional field is sent as null. */
export function toPartPatch(values: PartFormValues, part: Part): PartPatch {
  const next = toNewPart(values);
  const patch: Record<string, unknown> = {};
  const nullable = ['description', 'category', 'hsnCode', 'gstRatePercent', 'mrpPaise'] as const;
  for (const [key, value] of Object.entries(next)) {
    const previous = part[key as keyof Part];
    const normalised = value === undefined && nullable.includes(key as never) ? null : value;
    if (JSON.stringify(normalised ?? null) !== JSON.stringify(previous ?? null))
      patch[key] = normalised;
  }
  return patch as PartPatch;
}
