import { getLocale, getTranslations } from 'next-intl/server';
import { KpiCard } from '@/components/ui/kpi-card';
import { EmptyState } from '@/components/ui/empty-state';
import { Cell, DataTable } from '@/components/ui/data-table';
import type { StatsFilter } from '@/features/stats/filters';
import { periodLabel } from '@/features/stats/period-label';
import { previousPeriod } from '@/lib/period';
import { formatCount, formatPercent } from '../fmt-temp';
import { centralStats, centralStatsByHalf, previousFilter } from '../stats';
import { countChange } from './change';

// The Government's schedule against what was held: an entry counts in the half-year it was
// planned for, a meeting in the half-year it was held (some were held early).

const share = (held: number, planned: number) => (planned === 0 ? null : held / planned);

export async function ScheduleKpis({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, now, before, label, previousLabel] = await Promise.all([
    getTranslations('central.schedule'),
    centralStats(filter, locale),
    centralStats(previousFilter(filter), locale),
    periodLabel(filter.period),
    periodLabel(previousPeriod(filter.period)),
  ]);
  const [plannedChange, heldChange] = await Promise.all([
    countChange(locale, now.scheduled, before.scheduled, previousLabel),
    countChange(locale, now.held, before.held, previousLabel),
  ]);
  const rate = share(now.held, now.scheduled);
  const rateBefore = share(before.held, before.scheduled);
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <KpiCard label={t('planned')} value={formatCount(locale, now.scheduled)} hint={t('plannedHint')} change={plannedChange} period={label} />
      <KpiCard label={t('held')} value={formatCount(locale, now.held)} hint={t('heldHint')} change={heldChange} period={label} />
      <KpiCard label={t('rate')} value={formatPercent(locale, rate)} hint={t('rateHint')}
        change={rateBefore === null ? t('rateBefore', { value: '—', period: previousLabel }) : t('rateBefore', { value: formatPercent(locale, rateBefore), period: previousLabel })}
        period={label} />
    </div>
  );
}

/** Planned and held, half-year by half-year. */
export async function ScheduleByHalf({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, stats] = await Promise.all([getTranslations('central.schedule'), centralStats(filter, locale)]);
  const rows = stats.byHalf.map((h) => ({
    key: h.half,
    label: t('halfShort', { year: h.half.slice(0, 4), half: h.half.slice(-1) }),
    planned: h.scheduled,
    held: h.held,
  }));
  if (rows.every((r) => r.planned === 0 && r.held === 0)) {
    return <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>;
  }
  return (
    <DataTable caption={t('byHalfTitle')} head={[{ label: t('half') }, { label: t('plannedCol'), numeric: true }, { label: t('heldCol'), numeric: true }, { label: t('rateCol'), numeric: true }]}>
      {rows.map((r) => (
        <tr key={r.key}>
          <th scope="row" className="border-b border-neutral-200 px-3 py-2 text-left font-medium">{r.label}</th>
          <Cell numeric>{formatCount(locale, r.planned)}</Cell>
          <Cell numeric>{formatCount(locale, r.held)}</Cell>
          <Cell numeric>{r.planned === 0 ? null : formatPercent(locale, share(r.held, r.planned))}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}

/** Planned and held, body by body and half-year by half-year. */
export async function ScheduleByBody({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, total, halves] = await Promise.all([getTranslations('central.schedule'), centralStats(filter, locale), centralStatsByHalf(filter, locale)]);
  if (total.scheduled === 0 && total.held === 0) {
    return <EmptyState title={t('emptyTitle')}>{t('emptyText')}</EmptyState>;
  }
  const multi = halves.length > 1;
  const head = [
    { label: t('body') },
    ...(multi
      ? halves.flatMap((h) => {
          const half = t('halfShort', { year: String(h.year), half: String(h.half) });
          return [{ label: t('plannedIn', { half }), numeric: true }, { label: t('heldIn', { half }), numeric: true }];
        })
      : []),
    { label: t('plannedCol'), numeric: true },
    { label: t('heldCol'), numeric: true },
    { label: t('rateCol'), numeric: true },
  ];
  const th = 'border-b border-neutral-200 px-3 py-2 text-left font-medium';
  return (
    <DataTable caption={t('byBodyTitle')} head={head}>
      {total.byBody.map((b) => (
        <tr key={b.code}>
          <th scope="row" className={th}>{b.name}</th>
          {multi
            ? halves.flatMap((h) => {
                const mine = h.stats.byBody.find((x) => x.code === b.code);
                return [
                  <Cell key={`${h.code}-p`} numeric>{formatCount(locale, mine?.scheduled ?? 0)}</Cell>,
                  <Cell key={`${h.code}-h`} numeric>{formatCount(locale, mine?.held ?? 0)}</Cell>,
                ];
              })
            : null}
          <Cell numeric>{formatCount(locale, b.scheduled)}</Cell>
          <Cell numeric>{formatCount(locale, b.held)}</Cell>
          <Cell numeric>{b.scheduled === 0 ? null : formatPercent(locale, share(b.held, b.scheduled))}</Cell>
        </tr>
      ))}
      {filter.bodyId === null ? (
        <tr className="bg-neutral-100 font-semibold">
          <th scope="row" className={th}>{t('allBodies')}</th>
          {multi
            ? halves.flatMap((h) => [
                <Cell key={`${h.code}-p`} numeric>{formatCount(locale, h.stats.scheduled)}</Cell>,
                <Cell key={`${h.code}-h`} numeric>{formatCount(locale, h.stats.held)}</Cell>,
              ])
            : null}
          <Cell numeric>{formatCount(locale, total.scheduled)}</Cell>
          <Cell numeric>{formatCount(locale, total.held)}</Cell>
          <Cell numeric>{formatPercent(locale, share(total.held, total.scheduled))}</Cell>
        </tr>
      ) : null}
    </DataTable>
  );
}
