import 'server-only';
import { changeLabel } from '@/i18n/change-label';
import { formatCount } from '@/lib/format';

/** A count's change from the previous period, under the one rule every card uses. */
export async function countChange(locale: string, now: number, before: number, previousLabel: string): Promise<string> {
  return (await changeLabel(previousLabel))(now, before, (n) => formatCount(locale, n));
}
