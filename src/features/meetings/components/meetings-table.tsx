import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Cell, type ColumnSort, DataTable } from '@/components/ui/data-table';
import { listState, UnknownCodeNotice } from '@/components/ui/list-states';
import { Pagination } from '@/components/ui/pagination';
import { formatDay } from '@/i18n/format-day';
import { pickName } from '@/i18n/pick-name';
import type { Caller } from '@/server/auth/caller';
import { isAppError } from '@/server/errors';
import { MEETINGS_PAGE_SIZE, listMeetingsPage } from '../queries';
import type { MeetingPageParams, MeetingPageSort } from '../schemas';
import { meetingsLinkParams, meetingsQuery } from './meetings-query';

// One page of meetings with the total that match; sorting and paging are links, so the
// server does both and the view can be bookmarked.
export async function MeetingsTable({ caller, params, filtered }: { caller: Caller; params: MeetingPageParams; filtered: boolean }) {
  const [locale, format, t, tr, tc] = await Promise.all([
    getLocale(), getFormatter(), getTranslations('meetingRecords'), getTranslations('records'), getTranslations('codes'),
  ]);
  let list: Awaited<ReturnType<typeof listMeetingsPage>>;
  try {
    list = await listMeetingsPage(caller, params);
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION') return <UnknownCodeNotice>{tr('unknownCode')}</UnknownCodeNotice>;
    throw e;
  }
  const count = <p className="tabular text-sm font-medium text-neutral-800" role="status" data-testid="records-count">{t('count', { count: list.total })}</p>;
  const state = listState({
    count, total: list.total, rows: list.rows.length, filtered,
    empty: { title: t('emptyTitle'), text: t('empty') }, emptyFiltered: { title: t('emptyFilteredTitle'), text: t('emptyFiltered') },
    beyondLastPage: tr('beyondLastPage', { page: params.page, pages: list.pageCount }),
    firstPage: { href: `/meetings?${meetingsQuery(params, { page: 1 })}`, label: tr('toFirstPage') },
  });
  if (state) return state;
  const first = (params.page - 1) * MEETINGS_PAGE_SIZE + 1;
  const sortBy = (asc: MeetingPageSort, desc: MeetingPageSort): ColumnSort => {
    const direction = params.sort === asc ? 'ascending' : params.sort === desc ? 'descending' : null;
    const next = direction === 'descending' ? asc : desc;
    return { href: `/meetings?${meetingsQuery(params, { sort: next, page: 1 })}`, direction, hint: next === asc ? tr('sortAscending') : tr('sortDescending') };
  };
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        {count}
        <p className="tabular text-sm text-neutral-700">
          {tr('shown', { from: format.number(first), to: format.number(first + list.rows.length - 1), total: format.number(list.total) })}
        </p>
      </div>
      <DataTable
        caption={t('caption')}
        head={[
          { label: t('columns.heldOn'), sort: sortBy('heldOn', '-heldOn') },
          { label: t('columns.region') },
          { label: t('columns.heldBy') },
          { label: t('columns.venue') },
          { label: t('columns.issues'), numeric: true, sort: sortBy('issues', '-issues') },
        ]}
      >
        {list.rows.map((m) => {
          const heldOn = m.heldOn.toISOString().slice(0, 10);
          const where = m.unit ? pickName(locale, m.unit) : m.centralBody ? pickName(locale, m.centralBody) : null;
          return (
            <tr key={m.id}>
              <Cell className="whitespace-nowrap">
                <Link href={`/meetings/${m.id}`} className="tabular text-sky-kz-dark underline">
                  <time dateTime={heldOn}>{formatDay(locale, heldOn)}</time>
                </Link>
              </Cell>
              <Cell>{pickName(locale, m.region)}</Cell>
              <Cell>
                <span className="block">{m.official.fullName}</span>
                <span className="block text-xs text-neutral-700">
                  {tc(`position.${m.official.position}`)}
                  {where ? ` · ${where}` : ''}
                </span>
              </Cell>
              <Cell>{tc(`venue.${m.venue}`)}</Cell>
              <Cell numeric>{format.number(m._count.issues)}</Cell>
            </tr>
          );
        })}
      </DataTable>
      <Pagination page={params.page} pageCount={list.pageCount} path="/meetings" params={meetingsLinkParams(params)} />
    </div>
  );
}
