import { getLocale, getTranslations } from 'next-intl/server';
import { KpiCard } from '@/components/ui/kpi-card';
import { BarChart } from '@/components/charts/lazy';
import type { BarDatum } from '@/components/charts/bar-chart';
import { ChartCard } from '@/components/charts/chart-card';
import { COUNT_FILL } from '@/components/charts/scale';
import type { StatsFilter } from '@/server/stats/filters';
import { periodLabel } from '@/server/stats/period-label';
import { previousPeriod } from '@/lib/period';
import { formatCount, formatPercent } from '@/lib/format';
import { centralStats, centralStatsByHalf, previousFilter } from '../stats';
import { countChange } from './change';

// The Government's schedule against what was held: an entry counts in the half-year it was
// planned for, a meeting in the half-year it was held (some were held early).

const share = (held: number, planned: number) => (planned === 0 ? null : held / planned);

/** Planned bars are light with a dark outline, held bars dark; each bar's label says which. */
const PLANNED_FILL = '#b3e5ee';

export async function ScheduleKpis({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, tc, now, before, label, previousLabel] = await Promise.all([
    getTranslations('central.schedule'),
    getTranslations('change'),
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
        change={rateBefore === null ? tc('none', { period: previousLabel }) : t('rateBefore', { value: formatPercent(locale, rateBefore), period: previousLabel })}
        period={label} />
    </div>
  );
}

/** Planned and held, half-year by half-year: a chart, and the same figures as a table. */
export async function ScheduleByHalf({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, tc, stats, label] = await Promise.all([
    getTranslations('central.schedule'), getTranslations('centralCommon'), centralStats(filter, locale), periodLabel(filter.period),
  ]);
  const rows = stats.byHalf.map((h) => ({
    key: h.half,
    label: t('halfShort', { year: h.half.slice(0, 4), half: h.half.slice(-1) }),
    planned: h.scheduled,
    held: h.held,
  }));
  const empty = rows.every((r) => r.planned === 0 && r.held === 0);
  const data: BarDatum[] = rows.flatMap((r) => [
    { key: `${r.key}-p`, label: t('barPlanned', { half: r.label }), value: r.planned, valueLabel: formatCount(locale, r.planned), fill: PLANNED_FILL,
      tooltip: [t('tipPlanned', { n: formatCount(locale, r.planned) })] },
    { key: `${r.key}-h`, label: t('barHeld', { half: r.label }), value: r.held, valueLabel: formatCount(locale, r.held), fill: COUNT_FILL,
      tooltip: [t('tipHeld', { n: formatCount(locale, r.held) }), t('tipRate', { rate: formatPercent(locale, share(r.held, r.planned)) })] },
  ]);
  return (
    <ChartCard id="schedule-by-half" title={t('byHalfTitle')} subtitle={label} source={t('source')} tableToggle={tc('showTable')}
      empty={empty ? { title: t('emptyTitle'), text: t('emptyText') } : undefined}
      footnote={t('legend')}
      table={{
        caption: t('byHalfTitle'),
        head: [{ label: t('half') }, { label: t('plannedCol'), numeric: true }, { label: t('heldCol'), numeric: true }, { label: t('rateCol'), numeric: true }],
        rows: rows.map((r) => ({ key: r.key, cells: [r.label, formatCount(locale, r.planned), formatCount(locale, r.held), r.planned === 0 ? null : formatPercent(locale, share(r.held, r.planned))] })),
      }}>
      <BarChart data={data} valueKind="count" locale={locale} height={Math.max(160, data.length * 44)} title={t('byHalfTitle')} />
    </ChartCard>
  );
}

/** Held against planned, body by body; the table gives each half-year's planned and held. */
export async function ScheduleByBody({ filter }: { filter: StatsFilter }) {
  const locale = await getLocale();
  const [t, tc, total, halves, label] = await Promise.all([
    getTranslations('central.schedule'), getTranslations('centralCommon'), centralStats(filter, locale), centralStatsByHalf(filter, locale), periodLabel(filter.period),
  ]);
  const empty = total.scheduled === 0 && total.held === 0;
  const bodies = [...total.byBody].sort((a, b) => a.name.localeCompare(b.name, locale));
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
  const halfCells = (code: string | null) =>
    multi
      ? halves.flatMap((h) => {
          const mine = code === null ? h.stats : h.stats.byBody.find((x) => x.code === code);
          return [formatCount(locale, mine?.scheduled ?? 0), formatCount(locale, mine?.held ?? 0)];
        })
      : [];
  const rows = bodies.map((b) => ({
    key: b.code,
    cells: [b.name, ...halfCells(b.code), formatCount(locale, b.scheduled), formatCount(locale, b.held), b.scheduled === 0 ? null : formatPercent(locale, share(b.held, b.scheduled))],
  }));
  if (filter.bodyId === null) {
    rows.push({ key: 'all', cells: [t('allBodies'), ...halfCells(null), formatCount(locale, total.scheduled), formatCount(locale, total.held), formatPercent(locale, share(total.held, total.scheduled))] });
  }
  const data: BarDatum[] = bodies
    .filter((b) => b.scheduled > 0)
    .map((b) => ({ b, rate: share(b.held, b.scheduled) as number }))
    .sort((x, y) => y.rate - x.rate || x.b.name.localeCompare(y.b.name, locale))
    .map(({ b, rate }) => ({
      key: b.code, label: b.name, value: Math.min(rate, 1), valueLabel: formatPercent(locale, rate),
      tooltip: [t('tipPlanned', { n: formatCount(locale, b.scheduled) }), t('tipHeld', { n: formatCount(locale, b.held) }), t('tipRate', { rate: formatPercent(locale, rate) })],
    }));
  const average = share(total.held, total.scheduled);
  return (
    <ChartCard id="schedule-by-body" title={t('byBodyTitle')} subtitle={label} source={t('source')} tableToggle={tc('showTable')}
      empty={empty ? { title: t('emptyTitle'), text: t('emptyText') } : undefined}
      footnote={average !== null && filter.bodyId === null ? t('averageNote', { value: formatPercent(locale, average) }) : undefined}
      table={{ caption: t('byBodyTitle'), head, rows }}>
      <BarChart data={data} valueKind="percent" locale={locale} height={Math.max(160, data.length * 34)} title={t('byBodyTitle')}
        reference={average !== null && filter.bodyId === null ? { value: Math.min(average, 1), label: t('average') } : undefined} />
    </ChartCard>
  );
}
