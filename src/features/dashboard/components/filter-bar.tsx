import { getLocale, getTranslations } from 'next-intl/server';
import { periodLabel } from '@/server/stats/period-label';
import { COMPARES, parsePeriod } from '@/lib/period';
import { type DashboardFilters, type FilterParam, FILTER_PARAMS, filterHref, periodChoices } from '../filters';
import { getFilterOptions } from '../queries/filter-options';

// The filters of an analytical page as a plain GET form: it works without JavaScript and the
// URL holds the view. Active filters show as chips, each a link that removes it.

type Props = {
  filters: DashboardFilters;
  /** The page the form submits to, and chips link to. */
  path: string;
  /** Which filters this page offers. */
  fields?: readonly FilterParam[];
  /** Other parameters of the page (a sort order, say) that the form and the chips keep. */
  keep?: Record<string, string | undefined>;
};

// Spelled out whole so Tailwind finds each class: as many columns as fields, then the button.
const COLUMNS: Record<number, string> = {
  3: 'lg:grid-cols-[repeat(3,minmax(0,1fr))_auto]',
  4: 'lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]',
  5: 'lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]',
};

const selectClass = 'w-full rounded border border-neutral-500 bg-white px-2 py-1.5 text-sm';

export async function FilterBar({ filters, path, fields = FILTER_PARAMS, keep = {} }: Props) {
  const [locale, t, tp, tl] = await Promise.all([getLocale(), getTranslations('filterBar'), getTranslations('period'), getTranslations('codes.akimLevel')]);
  const options = await getFilterOptions(locale);
  const { values } = filters;
  const has = (f: FilterParam) => fields.includes(f);

  const years = periodChoices(options.years.length ? options.years : [filters.period.year ?? Number(filters.period.from.slice(0, 4))]);
  const periodGroups = await Promise.all(
    years.map(async (g) => ({
      year: g.year,
      label: tp('year', { year: String(g.year) }),
      options: await Promise.all(g.codes.map(async (code) => ({ code, label: await periodLabel(parsePeriod(code)!) }))),
    })),
  );
  const currentPeriodLabel = await periodLabel(filters.period);
  const listed = periodGroups.some((g) => g.options.some((o) => o.code === filters.period.code));

  const levels = (['REGION', 'DISTRICT', 'RURAL'] as const).map((l) => ({ value: l, label: tl(l) }));
  const nameOf: Record<'region' | 'category' | 'level', (v: string) => string> = {
    region: (v) => options.regions.find((r) => r.value === v)?.label ?? v,
    category: (v) => options.categories.find((c) => c.value === v)?.label ?? v,
    level: (v) => levels.find((l) => l.value === v)?.label ?? v,
  };
  const chips = (['region', 'category', 'level'] as const)
    .filter((f) => has(f) && values[f])
    .map((f) => {
      const text = t('chip', { name: t(`fields.${f}`), value: nameOf[f](values[f] as string) });
      return { param: f, text, href: filterHref(path, { ...keep, ...values, [f]: undefined }) };
    });
  const hidden = Object.entries(keep).filter((e): e is [string, string] => Boolean(e[1]));

  return (
    <section aria-labelledby="filter-bar-title" className="rounded-lg border border-neutral-200 bg-white p-3">
      <h2 id="filter-bar-title" className="sr-only">{t('title')}</h2>
      <form method="get" action={path} className={`grid grid-cols-1 gap-3 sm:grid-cols-2 ${COLUMNS[fields.length] ?? COLUMNS[4]} lg:items-end`}>
        {hidden.map(([name, value]) => <input key={name} type="hidden" name={name} value={value} />)}
        {has('period') ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-period" className="text-sm font-medium text-neutral-800">{tp('label')}</label>
            <select id="filter-period" name="period" defaultValue={filters.period.code} className={selectClass}>
              {listed ? null : <option value={filters.period.code}>{currentPeriodLabel}</option>}
              {periodGroups.map((g) => (
                <optgroup key={g.year} label={g.label}>
                  {g.options.map((o) => <option key={o.code} value={o.code}>{o.label}</option>)}
                </optgroup>
              ))}
            </select>
          </div>
        ) : null}
        {has('region') ? (
          <Select id="filter-region" name="region" label={t('fields.region')} any={t('any.region')} value={values.region} options={options.regions} />
        ) : null}
        {has('category') ? (
          <Select id="filter-category" name="category" label={t('fields.category')} any={t('any.category')} value={values.category} options={options.categories} />
        ) : null}
        {has('level') ? (
          <Select id="filter-level" name="level" label={t('fields.level')} any={t('any.level')} value={values.level} options={levels} />
        ) : null}
        {has('compare') ? (
          <div className="flex flex-col gap-1">
            <label htmlFor="filter-compare" className="text-sm font-medium text-neutral-800">{t('compare.label')}</label>
            <select id="filter-compare" name="compare" defaultValue={filters.compare} className={selectClass}>
              {COMPARES.map((c) => <option key={c} value={c}>{t(`compare.${c}`)}</option>)}
            </select>
          </div>
        ) : null}
        <button type="submit" className="rounded bg-sky-kz-dark px-4 py-1.5 font-medium text-white hover:bg-neutral-800">{tp('show')}</button>
      </form>

      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-neutral-700">{t('active')}</span>
        <ul className="flex flex-wrap gap-2" aria-label={t('active')}>
          <li className="rounded-full border border-neutral-300 bg-neutral-100 px-3 py-0.5">
            {t('chip', { name: tp('label'), value: currentPeriodLabel })}
            {filters.isDefaultPeriod ? <span className="text-neutral-700"> {t('defaultPeriod')}</span> : null}
          </li>
          {chips.map((c) => (
            <li key={c.param} className="flex items-center gap-1 rounded-full border border-sky-kz-dark bg-sky-50 py-0.5 pl-3 pr-1">
              <span>{c.text}</span>
              <a href={c.href} aria-label={t('remove', { filter: c.text })} title={t('remove', { filter: c.text })}
                className="rounded-full px-1.5 font-semibold text-neutral-800 hover:bg-neutral-200">
                <span aria-hidden="true">×</span>
              </a>
            </li>
          ))}
        </ul>
        {chips.length > 1 ? (
          <a href={filterHref(path, { ...keep, period: values.period, compare: values.compare })} className="text-sky-kz-dark underline">{t('reset')}</a>
        ) : null}
      </div>

      {filters.rejected.length > 0 ? (
        <ul role="alert" className="mt-3 space-y-1 rounded border border-amber-500 bg-amber-50 p-3 text-sm text-amber-950">
          {filters.rejected.map((r) => (
            <li key={r.param}>
              {r.param === 'period' ? tp('invalid', { value: r.value }) : t(`rejected.${r.param}.${r.reason}`, { value: r.value })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function Select({ id, name, label, any, value, options }: {
  id: string; name: string; label: string; any: string; value?: string; options: Array<{ value: string; label: string }>;
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-neutral-800">{label}</label>
      <select id={id} name={name} defaultValue={value ?? ''} className={selectClass}>
        <option value="">{any}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
