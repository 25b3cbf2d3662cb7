import { getTranslations } from 'next-intl/server';
import type { FilterChoice } from './list-filters';

/**
 * The period filter's choices, newest first: each year, then its second and first halves. A
 * period in force that is not among them (a URL edited by hand) comes first, so the form still
 * shows what the list is narrowed to.
 */
export async function periodChoices(years: readonly number[], current?: string): Promise<FilterChoice[]> {
  const tp = await getTranslations('period');
  const periods = years.toReversed().flatMap((y) => [
    { value: `${y}`, label: tp('year', { year: String(y) }) },
    { value: `${y}-H2`, label: tp('half', { year: String(y), half: '2' }) },
    { value: `${y}-H1`, label: tp('half', { year: String(y), half: '1' }) },
  ]);
  if (current && !periods.some((p) => p.value === current)) periods.unshift({ value: current, label: current });
  return periods;
}
