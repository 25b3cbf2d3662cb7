import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded generator: the same seed always yields the same demo data. */
export type Rng = ReturnType<typeof createRng>;

export function createRng(seed: number) {
  const gen = xoroshiro128plus(seed);
  const rng = {
    /** Integer in [from, to], both included. */
    int: (from: number, to: number) => uniformInt(gen, from, to),
    float: () => uniformFloat64(gen),
    chance: (p: number) => uniformFloat64(gen) < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[uniformInt(gen, 0, items.length - 1)] as T;
    },
    /** Fisher–Yates, in place. */
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = uniformInt(gen, 0, i);
        [items[i], items[j]] = [items[j] as T, items[i] as T];
      }
      return items;
    },
    /** Index drawn with probability proportional to its weight. */
    weighted: (weights: readonly number[]): number => {
      const total = weights.reduce((s, w) => s + w, 0);
      let x = uniformFloat64(gen) * total;
      for (let i = 0; i < weights.length; i++) {
        x -= weights[i] as number;
        if (x < 0) return i;
      }
      return weights.length - 1;
    },
  };
  return rng;
}
