/**
 * How the demo brand's catalog is described: appliance families with their model numbers, and per
 * family the components a service engineer orders. The generator (`demo-catalog.ts`) turns each
 * component into one part per model, per group of models or for the whole family.
 */

/** Which models one part of a component fits. */
export type Fits =
  /** One part fits every model of the family. */
  | 'all'
  /** One part per model (of the listed groups, or of the family when `each` is empty). */
  | { each: readonly string[] }
  /** One part per listed group of models, fitting every model of its group. */
  | { per: readonly string[] };

export interface ComponentSpec {
  /** Three digits, unique in the family: the middle of the part number. */
  code: number;
  name: string;
  category: string;
  /** The part's own HSN code when it is not the family's (motors, capacitors, gaskets…). */
  hsn?: string;
  /** Selling price range in rupees (before GST); the MRP is drawn above it. */
  price: readonly [number, number];
  /** Weight range in grams. */
  weight: readonly [number, number];
  /** Packed length, width and height in centimetres. */
  size: readonly [number, number, number];
  fits: Fits;
  /** How fast it sells, 1 (a compressor) to 5 (a filter): drives stock and movements. */
  demand: 1 | 2 | 3 | 4 | 5;
  /** The description's first sentence. */
  about: string;
  /** How many of its parts were revised: each is superseded by a `…B` part (discontinued). */
  revised?: number;
  /** Its first revised part was revised again: A → B → C, a supersession chain. */
  revisedTwice?: boolean;
  /** Neighbouring parts of this component are interchangeable (substitute pairs). */
  interchangeable?: boolean;
}

export interface FamilySpec {
  /** Two letters in the part number: KHA-RF-10101A. */
  code: string;
  /** The HSN code of the family's parts (the heading's "parts" subheading). */
  hsn: string;
  /** Model number → what it is, e.g. `KRF-260FF` → `260 L frost-free double door`. */
  models: Readonly<Record<string, string>>;
  /** Group name → its model numbers (the name appears in part names: "frost-free"). */
  groups: Readonly<Record<string, readonly string[]>>;
  components: readonly ComponentSpec[];
}
