import 'server-only';
import { getTranslations } from 'next-intl/server';
import { formatCount } from '@/lib/format';

/** A count's change from the previous period, with an arrow and a sign: colour never carries it alone. */
export async function countChange(locale: string, now: number, before: number, previousLabel: string): Promise<string> {
  const tc = await getTranslations('change');
  if (before === 0) return tc('none', { period: previousLabel });
  const diff = now - before;
  if (diff === 0) return tc('same', { period: previousLabel });
  return tc(diff > 0 ? 'up' : 'down', { value: formatCount(locale, Math.abs(diff)), period: previousLabel });
}
