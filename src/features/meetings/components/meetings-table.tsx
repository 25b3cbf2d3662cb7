import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable, columnSort } from '@/components/ui/data-table';
import { listState, loadListPage } from '@/components/ui/list-states';
import { ListCount, PagedList } from '@/components/ui/paged-list';
import { formatDay } from '@/i18n/format-day';
import { pickName } from '@/i18n/pick-name';
import type { Caller } from '@/server/auth/caller';
import { MEETINGS_PAGE_SIZE, listMeetingsPage } from '../queries';
import type { MeetingPageParams, MeetingPageSort } from '@/server/records/meetings/schemas';
import { meetingsLinkParams, meetingsQuery } from './meetings-query';
import { isoDayOf } from '@/lib/calendar';

// One page of meetings with the total that match; sorting and paging are links, so the
// server does both and the view can be bookmarked.
export async function MeetingsTable({ caller, params, filtered }: { caller: Caller; params: MeetingPageParams; filtered: boolean }) {
  const [locale, format, t, tr, tc, { list, notice }] = await Promise.all([
    getLocale(), getFormatter(), getTranslations('meetingRecords'), getTranslations('records'), getTranslations('codes'),
    loadListPage(() => listMeetingsPage(caller, params)),
  ]);
  if (!list) return notice;
  const count = <ListCount>{t('count', { count: list.total })}</ListCount>;
  const state = await listState({
    count, total: list.total, rows: list.rows.length, filtered,
    empty: { title: t('emptyTitle'), text: t('empty') }, emptyFiltered: { title: t('emptyFilteredTitle'), text: t('emptyFiltered') },
    page: params.page, pageCount: list.pageCount, firstPageHref: `/meetings?${meetingsQuery(params, { page: 1 })}`,
  });
  if (state) return state;
  const hints = { ascending: tr('sortAscending'), descending: tr('sortDescending') };
  const sortBy = (asc: MeetingPageSort, desc: MeetingPageSort) =>
    columnSort(params.sort, asc, desc, (sort) => `/meetings?${meetingsQuery(params, { sort, page: 1 })}`, hints);
  return (
    <PagedList
      count={count} page={params.page} pageSize={MEETINGS_PAGE_SIZE} shown={list.rows.length} total={list.total}
      pageCount={list.pageCount} path="/meetings" params={meetingsLinkParams(params)}
    >
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
          const heldOn = isoDayOf(m.heldOn);
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
    </PagedList>
  );
}
