import { getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { Pagination } from '@/components/ui/pagination';
import { DECREE_REQUIREMENTS, type DecreeRequirement } from '@/server/records/meetings/rules';
import type { StatsFilter } from '@/server/stats/filters';
import { formatDay } from '@/i18n/format-day';
import { pickName } from '@/i18n/pick-name';
import type { Caller } from '@/server/auth/caller';
import { formatCount } from '@/lib/format';
import { MISSED_PAGE_SIZE, listMeetingsMissingRequirements } from '../queries/meetings-missing-requirements';
import { centralStats } from '../stats';

// The meetings behind the matrix's gaps: each one that missed a requirement, and which.

type Props = { caller: Caller; filter: StatsFilter; requirement: DecreeRequirement | null; page: number; params: Record<string, string | undefined> };

export async function MissedMeetings({ caller, filter, requirement, page, params }: Props) {
  const locale = await getLocale();
  const [t, tc, tpos, stats] = await Promise.all([
    getTranslations('central.missed'),
    getTranslations('codes.requirement'),
    getTranslations('codes.position'),
    centralStats(filter, locale),
  ]);
  const list = await listMeetingsMissingRequirements(caller, filter, { requirement, page, announcementMinDays: stats.announcementMinDays });
  const missedOf = (r: DecreeRequirement) => {
    const s = stats.requirements[r];
    return s === null ? 0 : stats.held - Math.round(s * stats.held);
  };
  const dateOf = (iso: string) => formatDay(locale, iso);
  const pageCount = Math.max(1, Math.ceil(list.total / MISSED_PAGE_SIZE));
  const field = 'flex max-w-full flex-col gap-1 text-sm';
  return (
    <div className="space-y-3">
      <form method="get" action="/central#missed" className="flex flex-wrap items-end gap-3">
        {Object.entries(params).map(([k, v]) => (v && k !== 'missed' && k !== 'page' ? <input key={k} type="hidden" name={k} value={v} /> : null))}
        <div className={field}>
          <label htmlFor="f-missed" className="font-medium">{t('requirement')}</label>
          <select id="f-missed" name="missed" defaultValue={requirement ?? ''} className="max-w-full rounded border border-neutral-400 bg-white px-2 py-1.5">
            <option value="">{t('anyRequirement')}</option>
            {DECREE_REQUIREMENTS.map((r) => (
              <option key={r} value={r}>{t('requirementOption', { requirement: tc(r), count: missedOf(r) })}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="rounded border border-neutral-500 bg-white px-3 py-1.5 font-medium">{t('apply')}</button>
      </form>
      <p className="tabular text-sm text-neutral-700" role="status">
        {t('count', { total: formatCount(locale, stats.held), shown: formatCount(locale, list.total) })}
      </p>
      {list.items.length === 0 ? (
        <EmptyState title={stats.held === 0 ? t('emptyNoMeetingsTitle') : t('emptyTitle')}>
          {stats.held === 0 ? t('emptyNoMeetingsText') : t('emptyText')}
        </EmptyState>
      ) : (
        <DataTable caption={t('caption')} head={[{ label: t('date') }, { label: t('body') }, { label: t('official') }, { label: t('region') }, { label: t('missedCol') }]}>
          {list.items.map((m) => (
            <tr key={m.id}>
              <Cell className="whitespace-nowrap">
                <a href={`/meetings/${m.id}`} className="text-sky-kz-dark underline">{dateOf(m.heldOn)}</a>
              </Cell>
              <Cell>{m.body ? pickName(locale, m.body) : null}</Cell>
              <Cell>
                {m.official.fullName}
                <span className="block text-xs text-neutral-600">{tpos(m.official.position)}</span>
              </Cell>
              <Cell>{pickName(locale, m.region)}</Cell>
              <Cell>
                <ul className="space-y-0.5">
                  {m.missed.map((r) => (
                    <li key={r}><span aria-hidden="true">✗ </span><span className="sr-only">{t('notMet')} </span>{tc(r)}</li>
                  ))}
                </ul>
              </Cell>
            </tr>
          ))}
        </DataTable>
      )}
      <Pagination page={Math.min(page, pageCount)} pageCount={pageCount} path="/central" params={{ ...params, missed: requirement ?? undefined }} />
    </div>
  );
}
