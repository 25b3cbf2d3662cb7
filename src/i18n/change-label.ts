import 'server-only';
import { getTranslations } from 'next-intl/server';

/**
 * Says a figure's change from the compared period under one rule for every card: no figure, or
 * no base (0 before, something now), has no change to show; equal figures are «the same»;
 * otherwise an arrow and the difference, since colour never carries it alone.
 */
export type ChangeLabel = (
  now: number | null,
  before: number | null,
  write: (difference: number) => string,
  /** When two figures count as equal: rates compare to a tenth of a point. */
  equal?: (now: number, before: number) => boolean,
) => string;

export async function changeLabel(previousLabel: string): Promise<ChangeLabel> {
  const tc = await getTranslations('change');
  return (now, before, write, equal = (a, b) => a === b) => {
    if (now === null || before === null) return tc('none', { period: previousLabel });
    if (equal(now, before)) return tc('same', { period: previousLabel });
    if (before === 0) return tc('none', { period: previousLabel });
    return tc(now > before ? 'up' : 'down', { value: write(Math.abs(now - before)), period: previousLabel });
  };
}
