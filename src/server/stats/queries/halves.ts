import type { Period } from '@/lib/period';

/** The half-years a period touches: lists, plans and schedules belong to half-years. */
export function halvesOf(p: Period): Array<{ year: number; half: 1 | 2; code: string; from: string; to: string }> {
  const out: Array<{ year: number; half: 1 | 2; code: string; from: string; to: string }> = [];
  for (let year = Number(p.from.slice(0, 4)); year <= Number(p.to.slice(0, 4)); year++) {
    for (const half of [1, 2] as const) {
      const from = half === 1 ? `${year}-01-01` : `${year}-07-01`;
      const to = half === 1 ? `${year}-06-30` : `${year}-12-31`;
      if (from <= p.to && to >= p.from) out.push({ year, half, code: `${year}-H${half}`, from, to });
    }
  }
  return out;
}
