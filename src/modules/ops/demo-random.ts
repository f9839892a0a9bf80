import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';

/** FNV-1a of a label: stable across runs and platforms, so streams are named, not numbered. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < label.length; index += 1) {
    hash ^= label.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

/**
 * The demo world's only source of chance: a seeded xoroshiro128+ (pure-rand), so every seed of an
 * empty database draws the same catalog and history. Each part of the world draws from its own
 * named stream (`DemoRandom.stream('catalog')`): adding draws to one leaves the others unchanged.
 */
export class DemoRandom {
  private constructor(private readonly generator: RandomGenerator) {}

  /** The stream named `label` of the world seeded with `seed`. */
  static stream(label: string, seed = 2026): DemoRandom {
    return new DemoRandom(xoroshiro128plus(hashLabel(`${seed}:${label}`)));
  }

  /** A whole number from `min` to `max`, both included. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  /** True with probability `p` (to one part in 10,000). */
  chance(p: number): boolean {
    return this.int(0, 9999) < Math.round(p * 10_000);
  }

  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(0, items.length - 1)];
    if (item === undefined) throw new Error('DemoRandom.pick: empty list');
    return item;
  }

  /** `count` distinct elements (all of them when the list is shorter), in drawn order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const pool = [...items];
    const drawn: T[] = [];
    while (drawn.length < count && pool.length > 0) {
      const [item] = pool.splice(this.int(0, pool.length - 1), 1);
      drawn.push(item as T);
    }
    return drawn;
  }
}
