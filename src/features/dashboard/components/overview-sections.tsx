import { getLocale, getTranslations } from 'next-intl/server';
import { ChartCard } from '@/components/charts/chart-card';
import { BarChart } from '@/components/charts/lazy';
import { COUNT_FILL, rateStep } from '@/components/charts/scale';
import { TileMap } from '@/components/charts/tile-map';
import type { BarDatum } from '@/components/charts/bar-chart';
import type { StatsFilter } from '@/server/stats/filters';
import { periodLabel } from '@/server/stats/period-label';
import { getCategoryBreakdown } from '@/server/stats/queries/breakdowns';
import { getEscalationStats } from '@/server/stats/queries/escalations';
import { Disposition } from '@/generated/prisma/enums';
import { formatCompact, formatCount, formatMoney, formatPercent } from '@/lib/format';
import { parsePeriod } from '@/lib/period';
import { SectionError, attempt, dateLabel, halvesLabel } from '../labels';
import { averageRate, loadRanking } from '../queries/ranking';
import { getRegionTiles } from '../queries/region-tiles';
import { getRateByHalf } from '../queries/rate-by-half';

// The overview's charts, each an async server component streamed in its own Suspense.

type SectionProps = { filter: StatsFilter; selectedKato?: string };

async function common(filter: StatsFilter) {
  const [locale, t, tk, period, asOf] = await Promise.all([
    getLocale(), getTranslations('overviewPage'), getTranslations('chartKit'), periodLabel(filter.period), dateLabel(filter.asOf),
  ]);
  return { locale, t, tk, period, asOf };
}

/** Resolution rate of each half-year with data, read on its last day. */
export async function RateTrendSection({ filter }: SectionProps) {
  const loaded = await attempt(async () =>
    (await getRateByHalf(filter)).filter((r) => r.raised > 0).map((r) => ({ ...r, half: parsePeriod(`${r.year}-H${r.half}`)! })),
  );
  if (!loaded.ok) return <SectionError />;
  const { locale, t, tk } = await common(filter);
  const rows = await Promise.all(loaded.value.map(async (r) => ({ ...r, label: await periodLabel(r.half), rate: r.resolved / r.raised })));
  const data: BarDatum[] = rows.map((r) => ({
    key: r.half.code,
    label: r.half.code.replace('-', ' '),
    value: r.rate,
    valueLabel: formatPercent(locale, r.rate),
    tooltip: [r.label, t('tooltip.rate', { value: formatPercent(locale, r.rate) }), t('tooltip.raised', { value: formatCount(locale, r.raised) }),
      t('tooltip.raisedAndResolved', { value: formatCount(locale, r.resolved) })],
    fill: rateStep(r.rate).fill,
    emphasis: r.half.from <= filter.period.to && r.half.to >= filter.period.from,
  }));
  return (
    <ChartCard id="trend" title={t('trend.title')} subtitle={t('trend.subtitle')} source={t('source')} tableToggle={tk('showTable')}
      empty={data.length === 0 ? { title: t('trend.emptyTitle'), text: t('trend.empty') } : undefined}
      table={{
        caption: t('trend.title'),
        head: [{ label: t('columns.half') }, { label: t('columns.issuesRaised'), numeric: true }, { label: t('columns.raisedAndResolved'), numeric: true },
          { label: t('columns.resolutionRate'), numeric: true }],
        rows: rows.map((r) => ({ key: r.half.code, cells: [r.label, formatCount(locale, r.raised), formatCount(locale, r.resolved), formatPercent(locale, r.rate)] })),
      }}>
      <BarChart data={data} valueKind="percent" locale={locale} orientation="columns" height={260} title={t('trend.title')} />
    </ChartCard>
  );
}

/** Regions by resolution rate, best first, with the national average and the top and bottom three marked. */
export async function RankingSection({ filter, selectedKato }: SectionProps) {
  const lang = await getLocale();
  const loaded = await attempt(() => loadRanking(filter, lang));
  if (!loaded.ok) return <SectionError />;
  const ranking = loaded.value;
  const { locale, t, tk, period, asOf } = await common(filter);
  const avg = averageRate(ranking.regions);
  const ranked = ranking.regions.filter((r) => r.rank !== null);
  const count = ranked.length;
  const marker = (kato: string) => (ranking.top.includes(kato) ? '▲' : ranking.bottom.includes(kato) ? '▼' : undefined);
  const data: BarDatum[] = ranked.map((r) => ({
    key: r.kato,
    label: `${r.rank}. ${r.name}`,
    value: r.resolutionRate,
    valueLabel: formatPercent(locale, r.resolutionRate),
    tooltip: [t('tooltip.rate', { value: formatPercent(locale, r.resolutionRate) }), t('tooltip.raised', { value: formatCount(locale, r.issuesRaised) }),
      t('tooltip.resolved', { value: formatCount(locale, r.issuesResolved) }), t('tooltip.raisedAndResolved', { value: formatCount(locale, r.issuesRaisedAndResolved) }),
      t('tooltip.rank', { rank: r.rank ?? 0, count })],
    fill: rateStep(r.resolutionRate).fill,
    marker: marker(r.kato),
    emphasis: Boolean(marker(r.kato)) || r.kato === selectedKato,
  }));
  const avgLabel = formatPercent(locale, avg);
  return (
    <ChartCard id="ranking" title={t('ranking.title', { period })} subtitle={t('ranking.subtitle', { date: asOf, min: ranking.minIssuesToRank })}
      source={t('source')} tableToggle={tk('showTable')}
      empty={count === 0 ? { title: t('ranking.emptyTitle'), text: t('ranking.empty', { min: ranking.minIssuesToRank }) } : undefined}
      footnote={<p>{tk('top')}; {tk('bottom')}; {tk('average', { value: avgLabel })}.</p>}
      table={{
        caption: t('ranking.title', { period }),
        head: [{ label: t('columns.rank'), numeric: true }, { label: t('columns.region') }, { label: t('columns.meetings'), numeric: true },
          { label: t('columns.issuesRaised'), numeric: true }, { label: t('columns.issuesResolved'), numeric: true },
          { label: t('columns.raisedAndResolved'), numeric: true }, { label: t('columns.resolutionRate'), numeric: true }],
        rows: ranking.regions.map((r) => ({
          key: r.kato,
          cells: [r.rank, `${marker(r.kato) ? `${marker(r.kato)} ` : ''}${r.name}`, formatCount(locale, r.meetings), formatCount(locale, r.issuesRaised),
            formatCount(locale, r.issuesResolved), formatCount(locale, r.issuesRaisedAndResolved), r.resolutionRate === null ? null : formatPercent(locale, r.resolutionRate)],
        })),
      }}>
      <BarChart data={data} valueKind="percent" locale={locale} height={Math.max(160, count * 30 + 50)} title={t('ranking.title', { period })}
        reference={avg === null ? undefined : { value: avg, label: t('ranking.average', { value: avgLabel }) }} />
    </ChartCard>
  );
}

/** The 20 regions on a tile map, coloured by rate; each opens its region's page. */
export async function TileMapSection({ filter, selectedKato, query }: SectionProps & { query?: string }) {
  const lang = await getLocale();
  const loaded = await attempt(() => Promise.all([loadRanking(filter, lang), getRegionTiles(lang)]));
  if (!loaded.ok) return <SectionError />;
  const [ranking, refs] = loaded.value;
  const { locale, t, tk, period, asOf } = await common(filter);
  const byKato = new Map(ranking.regions.map((r) => [r.kato, r]));
  const count = ranking.regions.filter((r) => r.rank !== null).length;
  const tiles = refs.map((ref) => {
    const r = byKato.get(ref.kato);
    const rate = r && r.rank !== null ? r.resolutionRate : null;
    const marker = ranking.top.includes(ref.kato) ? '▲' : ranking.bottom.includes(ref.kato) ? '▼' : undefined;
    return {
      ...ref, rate, marker, selected: ref.kato === selectedKato,
      rateLabel: formatPercent(locale, rate),
      href: `/regions/${ref.kato}${query ? `?${query}` : ''}`,
      details: [
        t('tooltip.rate', { value: formatPercent(locale, rate) }),
        t('tooltip.raised', { value: formatCount(locale, r?.issuesRaised ?? 0) }),
        r?.rank ? t('tooltip.rank', { rank: r.rank, count }) : t('tooltip.notRanked', { min: ranking.minIssuesToRank }),
        // The ▲ and ▼ of the tile, in words.
        ...(marker === '▲' ? [tk('top')] : marker === '▼' ? [tk('bottom')] : []),
      ],
    };
  });
  const pct = (n: number) => formatPercent(locale, n, 0);
  return (
    <ChartCard id="map" title={t('map.title', { period })} subtitle={t('map.subtitle', { date: asOf })} source={t('source')} tableToggle={tk('showTable')}
      footnote={<p>{tk('top')}; {tk('bottom')}.</p>}
      table={{
        caption: t('map.title', { period }),
        head: [{ label: t('columns.region') }, { label: t('columns.resolutionRate'), numeric: true }, { label: t('columns.rank'), numeric: true }],
        rows: tiles.map((tile) => ({ key: tile.kato, cells: [tile.marker ? `${tile.marker} ${tile.name}` : tile.name, tile.rate === null ? null : tile.rateLabel, byKato.get(tile.kato)?.rank ?? null] })),
      }}>
      <TileMap tiles={tiles} label={t('map.label')} legendTitle={tk('legendTitle')} noRate={t('map.noRate', { min: ranking.minIssuesToRank })}
        legendLabel={(from, to) => tk('legendRange', { from: pct(from), to: pct(to) })} />
    </ChartCard>
  );
}

/** Issues raised by category, with the rate of each. */
export async function CategorySection({ filter }: SectionProps) {
  const locale = await getLocale();
  const loaded = await attempt(() => getCategoryBreakdown(filter, locale));
  if (!loaded.ok) return <SectionError />;
  const { t, tk, period, asOf } = await common(filter);
  const rows = loaded.value.categories;
  const total = rows.reduce((s, r) => s + r.issuesRaised, 0);
  const data: BarDatum[] = rows.map((r) => ({
    key: r.code, label: r.name, value: r.issuesRaised, valueLabel: formatCompact(locale, r.issuesRaised),
    tooltip: [t('tooltip.raised', { value: formatCount(locale, r.issuesRaised) }), t('tooltip.resolved', { value: formatCount(locale, r.issuesResolved) }),
      t('tooltip.raisedAndResolved', { value: formatCount(locale, r.issuesRaisedAndResolved) }), t('tooltip.rate', { value: formatPercent(locale, r.resolutionRate) })],
    fill: COUNT_FILL,
  }));
  return (
    <ChartCard id="categories" title={t('categories.title', { period })} subtitle={t('categories.subtitle', { date: asOf })} source={t('source')}
      tableToggle={tk('showTable')} empty={total === 0 ? { title: t('categories.emptyTitle'), text: t('categories.empty') } : undefined}
      table={{
        caption: t('categories.title', { period }),
        head: [{ label: t('columns.category') }, { label: t('columns.issuesRaised'), numeric: true }, { label: t('columns.issuesResolved'), numeric: true },
          { label: t('columns.raisedAndResolved'), numeric: true }, { label: t('columns.resolutionRate'), numeric: true }],
        rows: rows.map((r) => ({ key: r.code, cells: [r.name, formatCount(locale, r.issuesRaised), formatCount(locale, r.issuesResolved),
          formatCount(locale, r.issuesRaisedAndResolved), r.resolutionRate === null ? null : formatPercent(locale, r.resolutionRate)] })),
      }}>
      <BarChart data={data} valueKind="count" locale={locale} height={rows.length * 36 + 40} title={t('categories.title', { period })} />
    </ChartCard>
  );
}

/** The central-level list as a funnel: proposed, each disposition with its amount, selected. */
export async function EscalationSection({ filter }: SectionProps) {
  const loaded = await attempt(() => getEscalationStats(filter));
  if (!loaded.ok) return <SectionError />;
  const stats = loaded.value;
  const [{ locale, t, tk, asOf }, td, halves] = await Promise.all([common(filter), getTranslations('codes.disposition'), halvesLabel(stats.halves)]);
  type Row = { key: string; label: string; count: number; amount: number | null; fill: string };
  const rows: Row[] = [
    { key: 'proposed', label: t('escalations.proposed'), count: stats.total, amount: null, fill: '#404040' },
    ...Object.values(Disposition).map((d) => ({
      key: d, label: td(d), count: stats.byDisposition[d].count,
      amount: stats.byDisposition[d].amountKzt > 0 ? stats.byDisposition[d].amountKzt : null, fill: COUNT_FILL,
    })),
    ...(stats.undecided > 0 ? [{ key: 'undecided', label: t('escalations.undecided'), count: stats.undecided, amount: null, fill: '#a3a3a3' }] : []),
    { key: 'selected', label: t('escalations.selected'), count: stats.selected, amount: null, fill: '#b38600' },
  ];
  const data: BarDatum[] = rows.map((r) => ({
    key: r.key, label: r.label, value: r.count, fill: r.fill,
    valueLabel: r.amount === null ? formatCount(locale, r.count) : t('escalations.countAmount', { count: formatCount(locale, r.count), amount: formatMoney(locale, r.amount) }),
    tooltip: [t('tooltip.count', { value: formatCount(locale, r.count) }), ...(r.amount === null ? [] : [t('tooltip.amount', { value: formatMoney(locale, r.amount) })]),
      ...(stats.total > 0 && r.key !== 'proposed' ? [t('tooltip.share', { value: formatPercent(locale, r.count / stats.total) })] : [])],
  }));
  return (
    <ChartCard id="escalations" title={t('escalations.title', { halves })} subtitle={t('escalations.subtitle', { date: asOf })} source={t('source')}
      tableToggle={tk('showTable')} empty={stats.total === 0 ? { title: t('escalations.emptyTitle'), text: t('escalations.empty') } : undefined}
      table={{
        caption: t('escalations.title', { halves }),
        head: [{ label: t('columns.stage') }, { label: t('columns.count'), numeric: true }, { label: t('columns.amount'), numeric: true }],
        rows: rows.map((r) => ({ key: r.key, cells: [r.label, formatCount(locale, r.count), r.amount === null ? null : formatMoney(locale, r.amount)] })),
      }}>
      <BarChart data={data} valueKind="count" locale={locale} height={rows.length * 34 + 40} title={t('escalations.title', { halves })} />
    </ChartCard>
  );
}
