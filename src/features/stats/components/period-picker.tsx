import { getTranslations } from 'next-intl/server';
import type { Period } from '@/lib/period';
import { periodLabel } from '../period-label';
import { parsePeriod } from '@/lib/period';

// A GET form: the period lives in the URL, so a view can be shared and bookmarked.
export async function PeriodPicker({ current, years }: { current: Period; years: readonly number[] }) {
  const t = await getTranslations('period');
  const codes = years.flatMap((y) => [`${y}`, `${y}-H1`, `${y}-H2`]);
  if (!codes.includes(current.code)) codes.push(current.code);
  const options = await Promise.all(
    codes.map(async (code) => {
      const p = parsePeriod(code);
      return { code, label: p ? await periodLabel(p) : code };
    }),
  );
  return (
    <form method="get" className="flex flex-wrap items-end gap-2">
      <div className="flex flex-col">
        <label htmlFor="period" className="text-sm font-medium text-neutral-700">{t('label')}</label>
        <select id="period" name="period" defaultValue={current.code} className="rounded border border-neutral-400 bg-white px-2 py-1.5">
          {options.map((o) => (
            <option key={o.code} value={o.code}>{o.label}</option>
          ))}
        </select>
      </div>
      <button type="submit" className="rounded bg-sky-kz-dark px-3 py-1.5 font-medium text-white hover:bg-neutral-800">
        {t('show')}
      </button>
    </form>
  );
}
