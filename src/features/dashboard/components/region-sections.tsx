import { getLocale, getTranslations } from 'next-intl/server';
import { ChartCard } from '@/components/charts/chart-card';
import { BarChart } from '@/components/charts/lazy';
import { COUNT_FILL } from '@/components/charts/scale';
import type { BarDatum } from '@/components/charts/bar-chart';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import type { StatsFilter } from '@/server/stats/filters';
import { periodLabel } from '@/server/stats/period-label';
import { getActionPlanStats } from '@/server/stats/queries/action-plans';
import { getLevelBreakdown } from '@/server/stats/queries/breakdowns';
import { getIssueCounts } from '@/server/stats/queries/issue-counts';
import { getMeetingCounts } from '@/server/stats/queries/summary';
import { formatCompact, formatCount, formatPercent } from '@/lib/format';
import { SectionError, attempt, dateLabel, halvesLabel } from '../labels';
import { loadRanking } from '../queries/ranking';

// The sections of the regions' pages: the index table, a region's rank, its meetings by
// level, its issues by status, and its action plan.

async function words(filter: StatsFilter) {
  const [locale, t, to, tk, period, asOf] = await Promise.all([
    getLocale(), getTranslations('regionPage'), getTranslations('overviewPage'), getTranslations('chartKit'), periodLabel(filter.period), dateLabel(filter.asOf),
  ]);
  return { locale, t, to, tk, period, asOf };
}

/** Every region with its figures, best rate first, each linking to its page. */
export async function RegionIndexTable({ filter, query }: { filter: StatsFilter; query: string }) {
  const lang = await getLocale();
  const loaded = await attempt(() => loadRanking(filter, lang));
  if (!loaded.ok) return <SectionError />;
  const { locale, t, to, period } = await words(filter);
  const ranking = loaded.value;
  const marker = (kato: string) => (ranking.top.includes(kato) ? '▲ ' : ranking.bottom.includes(kato) ? '▼ ' : '');
  return (
    <section aria-labelledby="regions-table-title" className="space-y-2">
      <h2 id="regions-table-title" className="text-lg font-semibold">{t('tableTitle', { period })}</h2>
      <DataTable caption={t('tableTitle', { period })} head={[
        { label: to('columns.rank'), numeric: true }, { label: to('columns.region') }, { label: to('columns.meetings'), numeric: true },
        { label: to('columns.issuesRaised'), numeric: true }, { label: to('columns.issuesResolved'), numeric: true },
        { label: to('columns.raisedAndResolved'), numeric: true }, { label: to('columns.resolutionRate'), numeric: true },
      ]}>
        {ranking.regions.map((r) => (
          <tr key={r.kato} data-testid={`region-row-${r.kato}`}>
            <Cell numeric>{r.rank}</Cell>
            <Cell><a href={`/regions/${r.kato}${query ? `?${query}` : ''}`} className="text-sky-kz-dark underline">{marker(r.kato)}{r.name}</a></Cell>
            <Cell numeric>{formatCount(locale, r.meetings)}</Cell>
            <Cell numeric>{formatCount(locale, r.issuesRaised)}</Cell>
            <Cell numeric>{formatCount(locale, r.issuesResolved)}</Cell>
            <Cell numeric>{formatCount(locale, r.issuesRaisedAndResolved)}</Cell>
            <Cell numeric>{r.resolutionRate === null ? null : formatPercent(locale, r.resolutionRate)}</Cell>
          </tr>
        ))}
      </DataTable>
      <p className="text-sm text-neutral-700">{to('ranking.subtitle', { date: await dateLabel(filter.asOf), min: ranking.minIssuesToRank })}</p>
    </section>
  );
}

/** "Место по доле решённых вопросов: 1 из 20". */
export async function RegionRank({ filter, kato }: { filter: StatsFilter; kato: string }) {
  const lang = await getLocale();
  const loaded = await attempt(() => loadRanking(filter, lang));
  if (!loaded.ok) return null;
  const t = await getTranslations('regionPage');
  const ranking = loaded.value;
  const row = ranking.regions.find((r) => r.kato === kato);
  const count = ranking.regions.filter((r) => r.rank !== null).length;
  const marker = ranking.top.includes(kato) ? '▲ ' : ranking.bottom.includes(kato) ? '▼ ' : '';
  return (
    <p className="font-medium" data-testid="region-rank">
      {row?.rank ? `${marker}${t('rank', { rank: row.rank, count })}` : t('notRanked', { min: ranking.minIssuesToRank })}
    </p>
  );
}

/** The region's akims' meetings by level, with the issues and rate of each level. */
export async function LevelSection({ filter }: { filter: StatsFilter }) {
  const loaded = await attempt(() => Promise.all([getMeetingCounts(filter), getLevelBreakdown(filter)]));
  if (!loaded.ok) return <SectionError />;
  const [meetings, breakdown] = loaded.value;
  const [{ locale, t, to, tk, period, asOf }, tl] = await Promise.all([words(filter), getTranslations('codes.akimLevel')]);
  const rows = breakdown.levels.map((l) => ({ ...l, label: tl(l.level), meetings: meetings.byLevel[l.level] }));
  const data: BarDatum[] = rows.map((r) => ({
    key: r.level, label: r.label, value: r.meetings, valueLabel: formatCompact(locale, r.meetings), fill: COUNT_FILL,
    tooltip: [to('tooltip.meetings', { value: formatCount(locale, r.meetings) }), to('tooltip.raised', { value: formatCount(locale, r.issuesRaised) }),
      to('tooltip.resolved', { value: formatCount(locale, r.issuesResolved) }), to('tooltip.raisedAndResolved', { value: formatCount(locale, r.issuesRaisedAndResolved) }),
      to('tooltip.rate', { value: formatPercent(locale, r.resolutionRate) })],
  }));
  return (
    <ChartCard id="levels" title={t('levels.title', { period })} subtitle={t('levels.subtitle', { date: asOf })} source={to('source')} tableToggle={tk('showTable')}
      empty={rows.every((r) => r.meetings === 0) ? { title: t('levels.emptyTitle'), text: t('levels.empty') } : undefined}
      table={{
        caption: t('levels.title', { period }),
        head: [{ label: to('columns.level') }, { label: to('columns.meetings'), numeric: true }, { label: to('columns.issuesRaised'), numeric: true },
          { label: to('columns.issuesResolved'), numeric: true }, { label: to('columns.raisedAndResolved'), numeric: true }, { label: to('columns.resolutionRate'), numeric: true }],
        rows: rows.map((r) => ({ key: r.level, cells: [r.label, formatCount(locale, r.meetings), formatCount(locale, r.issuesRaised),
          formatCount(locale, r.issuesResolved), formatCount(locale, r.issuesRaisedAndResolved), r.resolutionRate === null ? null : formatPercent(locale, r.resolutionRate)] })),
      }}>
      <BarChart data={data} valueKind="count" locale={locale} height={rows.length * 40 + 40} title={t('levels.title', { period })} />
    </ChartCard>
  );
}

/** The period's raised issues by their status as of the period's end. */
export async function StatusSection({ filter }: { filter: StatsFilter }) {
  const loaded = await attempt(() => getIssueCounts(filter, 'none'));
  if (!loaded.ok) return <SectionError />;
  const c = loaded.value.get('all');
  const [{ locale, t, to, tk, period, asOf }, ts] = await Promise.all([words(filter), getTranslations('codes.issueStatus')]);
  const raised = c?.raised ?? 0;
  const known = (c?.raisedAndResolved ?? 0) + (c?.inExecution ?? 0) + (c?.notSupported ?? 0) + (c?.escalated ?? 0);
  const rows = [
    { key: 'RESOLVED', label: ts('RESOLVED'), n: c?.raisedAndResolved ?? 0 },
    { key: 'IN_EXECUTION', label: ts('IN_EXECUTION'), n: c?.inExecution ?? 0 },
    { key: 'NOT_SUPPORTED', label: ts('NOT_SUPPORTED'), n: c?.notSupported ?? 0 },
    { key: 'ESCALATED', label: ts('ESCALATED'), n: c?.escalated ?? 0 },
    { key: 'PENDING', label: t('statuses.pending'), n: Math.max(0, raised - known) },
  ];
  const share = (n: number) => (raised === 0 ? null : n / raised);
  const data: BarDatum[] = rows.map((r) => ({
    key: r.key, label: r.label, value: r.n, fill: COUNT_FILL,
    valueLabel: `${formatCount(locale, r.n)} (${formatPercent(locale, share(r.n))})`,
    tooltip: [to('tooltip.count', { value: formatCount(locale, r.n) }), to('tooltip.share', { value: formatPercent(locale, share(r.n)) })],
  }));
  return (
    <ChartCard id="statuses" title={t('statuses.title', { date: asOf })} subtitle={t('statuses.subtitle', { period, date: asOf })} source={to('source')}
      tableToggle={tk('showTable')} empty={raised === 0 ? { title: t('statuses.emptyTitle'), text: t('statuses.empty') } : undefined}
      table={{
        caption: t('statuses.title', { date: asOf }),
        head: [{ label: to('columns.status') }, { label: to('columns.count'), numeric: true }, { label: to('columns.share'), numeric: true }],
        rows: rows.map((r) => ({ key: r.key, cells: [r.label, formatCount(locale, r.n), formatPercent(locale, share(r.n))] })),
      }}>
      <BarChart data={data} valueKind="count" locale={locale} height={rows.length * 36 + 40} title={t('statuses.title', { date: asOf })} />
    </ChartCard>
  );
}

/** The akimat's action plan for the period's half-years: published with its link, or not. */
export async function ActionPlanSection({ filter }: { filter: StatsFilter }) {
  const lang = await getLocale();
  const loaded = await attempt(() => getActionPlanStats(filter, lang));
  if (!loaded.ok) return <SectionError />;
  const { t, asOf } = await words(filter);
  const stats = loaded.value;
  const halves = await halvesLabel(stats.halves);
  const published = stats.published[0];
  return (
    <section aria-labelledby="plan-title" className="rounded-lg border border-neutral-200 bg-white p-4" data-testid="action-plan">
      <h2 id="plan-title" className="text-base font-semibold">{t('plan.title', { halves })}</h2>
      {stats.halves.length === 0 ? (
        <EmptyState title={t('plan.notPublished', { date: asOf })} />
      ) : published ? (
        <div className="mt-2 space-y-1">
          <p className="font-medium"><span aria-hidden="true">✓ </span>{t('plan.published')}</p>
          {published.url ? (
            <a href={published.url} className="text-sky-kz-dark underline" rel="noopener noreferrer" target="_blank">{t('plan.open')}</a>
          ) : <p className="text-sm text-neutral-700">{t('plan.noLink')}</p>}
        </div>
      ) : (
        <div className="mt-2 space-y-1">
          <p className="font-medium"><span aria-hidden="true">✗ </span>{t('plan.notPublished', { date: asOf })}</p>
          <p className="text-sm text-neutral-700">{t('plan.notPublishedHint')}</p>
        </div>
      )}
    </section>
  );
}
