import { gstPercentToBasisPoints, type BulkPart } from '../catalog/index.js';
import { airConditioners, airCoolers, refrigerators } from './demo-catalog-cooling.data.js';
import {
  ceilingFans,
  inductionCooktops,
  kitchenChimneys,
  microwaveOvens,
  mixerGrinders,
} from './demo-catalog-kitchen.data.js';
import type { ComponentSpec, FamilySpec } from './demo-catalog.types.js';
import {
  dishwashers,
  washingMachines,
  waterHeaters,
  waterPurifiers,
} from './demo-catalog-water.data.js';
import { DemoRandom } from './demo-random.js';

/** The demo brand's appliance families, in catalog order. */
export const demoFamilies: readonly FamilySpec[] = [
  refrigerators,
  washingMachines,
  airConditioners,
  microwaveOvens,
  waterPurifiers,
  mixerGrinders,
  ceilingFans,
  waterHeaters,
  kitchenChimneys,
  airCoolers,
  dishwashers,
  inductionCooktops,
];

/** A part of the demo catalog: what the catalog stores, and what the stock history needs. */
export interface DemoPart extends BulkPart {
  family: string;
  /** 1 (slow, dear) to 5 (fast, cheap): how much of it is stocked and moved. */
  demand: number;
}

export interface DemoCatalog {
  parts: DemoPart[];
  /** Part number → the part number that replaces it (the first is discontinued by it). */
  supersessions: Array<{ partNumber: string; replacementPartNumber: string }>;
  /** Pairs of interchangeable part numbers. */
  substitutes: Array<[string, string]>;
}

/**
 * Parts of models not yet launched stay drafts: the brand sees them, its partners do not, and
 * no stock is received for them.
 */
const unlaunchedModels = new Set(['KWM-90FL']);

/** All parts are taxed at 18% under GST 2.0 (see the HSN notes of the data files). */
const gstRate = gstPercentToBasisPoints(18);

interface Variant {
  label: string | undefined;
  models: string[];
}

function modelsOfGroups(family: FamilySpec, groups: readonly string[]): string[] {
  if (groups.length === 0) return Object.keys(family.models);
  return [...new Set(groups.flatMap((group) => family.groups[group] ?? []))];
}

/** The parts one component becomes: per model, per group, or one for the whole family. */
function variantsOf(family: FamilySpec, component: ComponentSpec): Variant[] {
  const { fits } = component;
  if (fits === 'all') return [{ label: undefined, models: Object.keys(family.models) }];
  if ('each' in fits)
    return modelsOfGroups(family, fits.each).map((model) => ({ label: model, models: [model] }));
  return fits.per.map((group) => ({ label: group, models: modelsOfGroups(family, [group]) }));
}

function fitsText(family: FamilySpec, models: readonly string[]): string {
  if (models.length === 1) {
    const [model] = models as [string];
    return `Fits ${model} (${family.models[model] ?? model}).`;
  }
  return `Fits ${models.join(', ')}.`;
}

/** Rupees to paise, the price rounded to ₹5. */
function drawPrice(random: DemoRandom, [min, max]: readonly [number, number]): number {
  return Math.round(random.int(min, max) / 5) * 5 * 100;
}

/** An MRP as printed on a pack: GST included, a margin above the price, ending in 9 (₹1,249). */
function mrpFor(random: DemoRandom, pricePaise: number): number {
  const withGst = (pricePaise / 100) * 1.18 * (1 + random.int(15, 35) / 100);
  return (Math.ceil(withGst / 10) * 10 - 1) * 100;
}

function drawPart(
  random: DemoRandom,
  family: FamilySpec,
  component: ComponentSpec,
  variant: Variant,
  partNumber: string,
): DemoPart {
  const unitPricePaise = drawPrice(random, component.price);
  const [length, width, height] = component.size.map((side) =>
    Math.max(1, Math.round((side * random.int(90, 110)) / 100)),
  ) as [number, number, number];
  return {
    partNumber,
    name: variant.label ? `${component.name} (${variant.label})` : component.name,
    description: `${component.about} ${fitsText(family, variant.models)} Genuine Kaveri spare part.`,
    category: component.category,
    hsnCode: component.hsn ?? family.hsn,
    gstRateBasisPoints: gstRate,
    unitPricePaise,
    mrpPaise: mrpFor(random, unitPricePaise),
    weightGrams: random.int(component.weight[0], component.weight[1]),
    lengthCm: length,
    widthCm: width,
    heightCm: height,
    compatibleModels: variant.models,
    status: variant.models.every((model) => unlaunchedModels.has(model)) ? 'draft' : 'active',
    family: family.code,
    demand: component.demand,
  };
}

/**
 * The revision of a part: the original part, a little dearer than the one it replaces, saying
 * which part that is.
 */
function revisionOf(
  random: DemoRandom,
  original: DemoPart,
  replaced: DemoPart,
  partNumber: string,
): DemoPart {
  const rupees = ((replaced.unitPricePaise / 100) * random.int(104, 112)) / 100;
  const unitPricePaise = Math.round(rupees / 5) * 5 * 100;
  return {
    ...original,
    partNumber,
    description: `Revised design that replaces ${replaced.partNumber}. ${original.description ?? ''}`,
    unitPricePaise,
    mrpPaise: mrpFor(random, unitPricePaise),
  };
}

/**
 * The demo brand's catalog, drawn from the `catalog` stream: the same part numbers, names and
 * prices on every installation. Part numbers read `KHA-<family>-<component><variant><revision>`
 * (KHA-RF-10803A): revision A is the original, B (and C) its replacements.
 */
export function demoCatalog(): DemoCatalog {
  const random = DemoRandom.stream('catalog');
  const catalog: DemoCatalog = { parts: [], supersessions: [], substitutes: [] };
  for (const family of demoFamilies) {
    // A single-part interchangeable component pairs with the next one (two capacitor makes).
    let single: string | undefined;
    for (const component of family.components) {
      const variants = variantsOf(family, component);
      const originals: DemoPart[] = [];
      variants.forEach((variant, index) => {
        const stem = `KHA-${family.code}-${component.code}${String(index + 1).padStart(2, '0')}`;
        const part = drawPart(random, family, component, variant, `${stem}A`);
        catalog.parts.push(part);
        originals.push(part);
        if (index < (component.revised ?? 0)) {
          let previous = part;
          for (const revision of component.revisedTwice && index === 0 ? ['B', 'C'] : ['B']) {
            const revised = revisionOf(random, part, previous, `${stem}${revision}`);
            catalog.parts.push(revised);
            catalog.supersessions.push({
              partNumber: previous.partNumber,
              replacementPartNumber: revised.partNumber,
            });
            previous = revised;
          }
        }
      });
      // Neighbouring parts of an interchangeable component pair up: 1 with 2, 3 with 4…
      if (component.interchangeable)
        for (let index = 1; index < originals.length; index += 2) {
          const [first, second] = [originals[index - 1], originals[index]];
          if (first && second) catalog.substitutes.push([first.partNumber, second.partNumber]);
        }
      const only = variants.length === 1 ? `KHA-${family.code}-${component.code}01A` : undefined;
      if (component.interchangeable && only && single) {
        catalog.substitutes.push([single, only]);
        single = undefined;
      } else single = component.interchangeable ? only : undefined;
    }
  }
  return catalog;
}
