import { getLocale, getTranslations } from 'next-intl/server';
import { periodLabel } from '@/server/stats/period-label';
import { getYearsWithData } from '@/server/stats/queries/latest';
import { type Period, parsePeriod } from '@/lib/period';
import { listBodyOptions } from '../queries/body-options';
import type { PageFilter } from '../page-filter';

// A plain GET form: the filters live in the URL, so a view can be shared and bookmarked.
// Lists, plans and the schedule belong to half-years, so the periods are years and halves.
export async function FilterForm({ action, current, body, withBody }: { action: string; current: Period; body?: string | null; withBody?: boolean }) {
  const [t, tp, years, bodies] = await Promise.all([
    getTranslations('centralFilter'),
    getTranslations('period'),
    getYearsWithData(),
    withBody ? getLocale().then(listBodyOptions) : Promise.resolve([]),
  ]);
  const codes = years.flatMap((y) => [`${y}`, `${y}-H1`, `${y}-H2`]);
  if (!codes.includes(current.code)) codes.push(current.code);
  const periods = await Promise.all(codes.map(async (code) => ({ code, label: await periodLabel(parsePeriod(code) ?? current) })));
  const field = 'flex max-w-full flex-col gap-1 text-sm';
  const input = 'max-w-full rounded border border-neutral-400 bg-white px-2 py-1.5';
  return (
    <form method="get" action={action} aria-label={t('label')} className="flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-4">
      <div className={field}>
        <label htmlFor="f-period" className="font-medium">{tp('label')}</label>
        <select id="f-period" name="period" defaultValue={current.code} className={input}>
          {periods.map((p) => <option key={p.code} value={p.code}>{p.label}</option>)}
        </select>
      </div>
      {withBody ? (
        <div className={field}>
          <label htmlFor="f-body" className="font-medium">{t('body')}</label>
          <select id="f-body" name="body" defaultValue={body ?? ''} className={`${input} max-w-xs`}>
            <option value="">{t('allBodies')}</option>
            {bodies.map((b) => <option key={b.value} value={b.value}>{b.label}</option>)}
          </select>
        </div>
      ) : null}
      <button type="submit" className="rounded bg-sky-kz-dark px-4 py-1.5 font-medium text-white hover:bg-neutral-800">{tp('show')}</button>
      <a href={action} className="py-1.5 text-sm text-sky-kz-dark underline">{t('reset')}</a>
    </form>
  );
}

/** What was not understood in the URL, said plainly; the view then shows the defaults. */
export async function RejectedFilters({ rejected }: { rejected: PageFilter['rejected'] }) {
  if (rejected.length === 0) return null;
  const t = await getTranslations('centralFilter');
  const tp = await getTranslations('period');
  return (
    <div role="alert" className="space-y-1 rounded border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">
      {rejected.map((r) => (
        <p key={r.param}>{r.param === 'period' ? tp('invalid', { value: r.value }) : t('invalidBody', { value: r.value })}</p>
      ))}
    </div>
  );
}
