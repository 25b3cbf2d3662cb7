import { addDays, halfBounds } from './dates';
import type { Dataset } from './dataset';
import type { Rng } from './rng';

// Each akimat approves a plan per half-year; most publish it on their website soon after.

export function writeActionPlans(
  rng: Rng, ds: Dataset, halves: Array<{ year: number; half: 1 | 2; unpublished: readonly string[] }>,
): void {
  for (const { year, half, unpublished } of halves) {
    const { end } = halfBounds(year, half);
    for (const region of ds.region) {
      // Approved and published inside the half, so the list "as of" its last day is the final one.
      const approvedOn = addDays(end, -rng.int(15, 40));
      const published = !unpublished.includes(region.kato);
      const slug = region.name_en.toLowerCase().replace(/ region$/, '').replace(/[^a-z]+/g, '-');
      ds.action_plan.push({
        id: ds.action_plan.length + 1, region_id: region.id, year, half, approved_on: approvedOn,
        url: published ? `https://www.gov.kz/memleket/entities/${slug}/documents/action-plan-${year}-h${half}` : null,
        published_on: published ? addDays(approvedOn, rng.int(1, 10)) : null,
      });
    }
  }
}
