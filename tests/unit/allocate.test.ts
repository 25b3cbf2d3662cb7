import { describe, expect, it } from 'vitest';
import { splitByWeights, splitWithMinimum, splitWithinBounds } from '../../prisma/seed/allocate';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

/** A deterministic pseudo-random sequence (LCG) so cases are reproducible without fast-check. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

/** 300 (total, weights) cases: varied lengths, magnitudes, zero weights and fractional weights. */
function* cases() {
  const r = lcg(42);
  for (let k = 0; k < 300; k++) {
    const n = 1 + Math.floor(r() * 20);
    const scale = [1, 7.3, 1000, 0.01][k % 4] as number;
    const weights = Array.from({ length: n }, () => (r() < 0.15 ? 0 : r() * scale));
    if (sum(weights) === 0) weights[0] = 1;
    yield { total: Math.floor(r() * [10, 1000, 100_000][k % 3]!), weights };
  }
}

describe('splitByWeights', () => {
  it('sums exactly to the total and stays within 1 of the exact share', () => {
    for (const { total, weights } of cases()) {
      const parts = splitByWeights(total, weights);
      expect(parts).toHaveLength(weights.length);
      expect(sum(parts)).toBe(total);
      const w = sum(weights);
      parts.forEach((p, i) => {
        expect(Number.isInteger(p)).toBe(true);
        expect(Math.abs(p - (total * (weights[i] as number)) / w)).toBeLessThan(1);
      });
    }
  });

  it('gives zero-weight parts nothing', () => {
    expect(splitByWeights(10, [0, 1, 0, 1])).toEqual([0, 5, 0, 5]);
  });

  it('hands the remainder to the largest remainders, then the earliest index', () => {
    expect(splitByWeights(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(splitByWeights(5, [1, 2])).toEqual([2, 3]);
  });

  it('splits zero over zero weight, but refuses a positive total', () => {
    expect(splitByWeights(0, [0, 0])).toEqual([0, 0]);
    expect(() => splitByWeights(3, [0, 0])).toThrow();
    expect(() => splitByWeights(3, [])).toThrow();
  });

  it.each([-1, 2.5, Number.NaN])('throws on total %s', (total) => {
    expect(() => splitByWeights(total, [1, 2])).toThrow(/non-negative integer/);
  });
});

describe('splitWithinBounds', () => {
  it('respects every bound and the total', () => {
    const r = lcg(7);
    for (let k = 0; k < 300; k++) {
      const n = 1 + Math.floor(r() * 15);
      const lower = Array.from({ length: n }, () => Math.floor(r() * 50));
      const upper = lower.map((l) => l + (r() < 0.2 ? 0 : Math.floor(r() * 200)));
      const total = sum(lower) + Math.floor(r() * (sum(upper) - sum(lower) + 1));
      const parts = splitWithinBounds(total, lower, upper);
      expect(sum(parts)).toBe(total);
      parts.forEach((p, i) => {
        expect(Number.isInteger(p)).toBe(true);
        expect(p).toBeGreaterThanOrEqual(lower[i] as number);
        expect(p).toBeLessThanOrEqual(upper[i] as number);
      });
    }
  });

  it('hits both extremes', () => {
    expect(splitWithinBounds(3, [1, 2], [5, 9])).toEqual([1, 2]);
    expect(splitWithinBounds(14, [1, 2], [5, 9])).toEqual([5, 9]);
  });

  it('throws when the total is outside [sum lower, sum upper]', () => {
    expect(() => splitWithinBounds(2, [1, 2], [5, 9])).toThrow(/within bounds \[3, 14\]/);
    expect(() => splitWithinBounds(15, [1, 2], [5, 9])).toThrow(/within bounds \[3, 14\]/);
  });
});

describe('splitWithMinimum', () => {
  it('gives every part at least min and sums to the total', () => {
    for (const { total, weights } of cases()) {
      const min = total % 4;
      if (total < weights.length * min) continue;
      const parts = splitWithMinimum(total, weights.length, min, weights);
      expect(sum(parts)).toBe(total);
      for (const p of parts) expect(p).toBeGreaterThanOrEqual(min);
    }
    expect(splitWithMinimum(10, 3, 3, [0, 0, 1])).toEqual([3, 3, 4]);
  });

  it('throws when the total cannot cover the minimum', () => {
    expect(() => splitWithMinimum(8, 3, 3, [1, 1, 1])).toThrow(/at least 3/);
  });
});
