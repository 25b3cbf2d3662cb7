import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDataset } from '../../prisma/seed/generate';
import { readRegions } from '../../prisma/seed/reference';
import { planRegions2022, printedRate } from '../../prisma/seed/region-plan';
import { createRng } from '../../prisma/seed/rng';
import { AKIM_2022, FIXED_REGION_RATES, SEED } from '../../prisma/seed/targets';

const total = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

describe('planRegions2022', () => {
  const regions = readRegions();
  const plan = planRegions2022(createRng(SEED), regions);

  it('plans every region', () => {
    expect(regions.length).toBe(20);
    expect(plan.map((p) => p.kato)).toEqual(regions.map((r) => r.kato));
  });

  it('adds up to the national 2022 figures', () => {
    expect(total(plan.map((p) => p.meetings.h1))).toBe(AKIM_2022.meetings.h1);
    expect(total(plan.map((p) => p.meetings.h2))).toBe(AKIM_2022.meetings.h2);
    expect(total(plan.map((p) => p.issues.h1))).toBe(AKIM_2022.issues.h1);
    expect(total(plan.map((p) => p.issues.h2))).toBe(AKIM_2022.issues.h2);
    expect(total(plan.map((p) => p.resolved.h1InH1))).toBe(AKIM_2022.resolved.h1InH1);
    expect(total(plan.map((p) => p.resolved.h1InH2))).toBe(AKIM_2022.resolved.h1InH2);
    expect(total(plan.map((p) => p.resolved.h2InH2))).toBe(AKIM_2022.resolved.h2InH2);
  });

  it('resolves no more issues than each half raised, and no negative counts', () => {
    for (const p of plan) {
      const { h1InH1, h1InH2, h2InH2 } = p.resolved;
      for (const n of [h1InH1, h1InH2, h2InH2, p.issues.h1, p.issues.h2, p.meetings.h1, p.meetings.h2]) expect(n).toBeGreaterThanOrEqual(0);
      expect(h1InH1 + h1InH2, p.kato).toBeLessThanOrEqual(p.issues.h1);
      expect(h2InH2, p.kato).toBeLessThanOrEqual(p.issues.h2);
    }
  });

  it('prints the fixed rates for the six named regions and in-between rates for the rest', () => {
    const fixed = Object.keys(FIXED_REGION_RATES);
    expect(plan.filter((p) => fixed.includes(p.kato))).toHaveLength(6);
    for (const p of plan) {
      const { h1InH1, h1InH2, h2InH2 } = p.resolved;
      const rate = printedRate(h1InH1 + h1InH2 + h2InH2, p.issues.h1 + p.issues.h2);
      const expected = FIXED_REGION_RATES[p.kato];
      if (expected !== undefined) expect(rate, p.kato).toBe(expected);
      else {
        expect(rate, p.kato).toBeGreaterThan(54.5);
        expect(rate, p.kato).toBeLessThan(92.8);
      }
    }
  });
});

describe('createRng', () => {
  const draw = (seed: number) => {
    const rng = createRng(seed);
    return Array.from({ length: 20 }, () => [rng.int(0, 1_000_000), rng.float()]);
  };
  it('repeats the sequence for the same seed', () => expect(draw(SEED)).toEqual(draw(SEED)));
  it('gives a different sequence for a different seed', () => expect(draw(SEED + 1)).not.toEqual(draw(SEED)));
});

describe('generateDataset', () => {
  const digest = () => {
    const json = JSON.stringify(generateDataset(), (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return { hash: createHash('sha256').update(json).digest('hex'), length: json.length };
  };
  it('is deterministic', () => {
    const a = digest();
    const b = digest();
    expect(a.length).toBeGreaterThan(1_000_000);
    expect(b.hash).toBe(a.hash);
  });
});
