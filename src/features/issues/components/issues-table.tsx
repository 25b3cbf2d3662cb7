import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable, columnSort } from '@/components/ui/data-table';
import { listState, loadListPage } from '@/components/ui/list-states';
import { ListCount, PagedList } from '@/components/ui/paged-list';
import { formatDay } from '@/i18n/format-day';
import { pickName } from '@/i18n/pick-name';
import type { Caller } from '@/server/auth/caller';
import { ISSUES_PAGE_SIZE, listIssuesPage } from '../queries';
import type { IssuePageParams } from '@/server/records/issues/schemas';
import { issuesLinkParams, issuesQuery } from './issues-query';
import { isoDayOf } from '@/lib/calendar';


// One page of issues with the total that match; sorting and paging are links, so the
// server does both and the view can be bookmarked.
export async function IssuesTable({ caller, params, filtered }: { caller: Caller; params: IssuePageParams; filtered: boolean }) {
  const [locale, t, tr, tc, { list, notice }] = await Promise.all([
    getLocale(), getTranslations('issueRecords'), getTranslations('records'), getTranslations('codes'),
    loadListPage(() => listIssuesPage(caller, params)),
  ]);
  if (!list) return notice;
  const count = <ListCount>{t('count', { count: list.total })}</ListCount>;
  const state = await listState({
    count, total: list.total, rows: list.rows.length, filtered,
    empty: { title: t('emptyTitle'), text: t('empty') }, emptyFiltered: { title: t('emptyFilteredTitle'), text: t('emptyFiltered') },
    page: params.page, pageCount: list.pageCount, firstPageHref: `/issues?${issuesQuery(params, { page: 1 })}`,
  });
  if (state) return state;
  const hints = { ascending: tr('sortAscending'), descending: tr('sortDescending') };
  const dateSort = columnSort(params.sort, 'raisedOn', '-raisedOn', (sort) => `/issues?${issuesQuery(params, { sort, page: 1 })}`, hints);
  return (
    <PagedList
      count={count} page={params.page} pageSize={ISSUES_PAGE_SIZE} shown={list.rows.length} total={list.total}
      pageCount={list.pageCount} path="/issues" params={issuesLinkParams(params)}
    >
      <DataTable
        caption={t('caption')}
        head={[
          { label: t('columns.id'), numeric: true },
          { label: t('columns.raisedOn'), sort: dateSort },
          { label: t('columns.region') },
          { label: t('columns.category') },
          { label: t('columns.description') },
          { label: t('columns.status') },
          { label: t('columns.resolvedOn') },
        ]}
      >
        {list.rows.map((i) => {
          const raisedOn = isoDayOf(i.raisedOn);
          const resolvedOn = i.resolvedOn ? isoDayOf(i.resolvedOn) : null;
          return (
            <tr key={i.id}>
              <Cell numeric>
                <Link href={`/issues/${i.id}`} className="text-sky-kz-dark underline">{i.id}</Link>
              </Cell>
              <Cell className="whitespace-nowrap">
                <time dateTime={raisedOn} className="tabular">{formatDay(locale, raisedOn)}</time>
              </Cell>
              <Cell>{pickName(locale, i.region)}</Cell>
              <Cell>{pickName(locale, i.category)}</Cell>
              <Cell className="max-w-md">
                <Link href={`/issues/${i.id}`} className="line-clamp-2 hover:underline">{i.description}</Link>
              </Cell>
              <Cell>{tc(`issueStatus.${i.status}`)}</Cell>
              <Cell className="whitespace-nowrap">
                {resolvedOn ? <time dateTime={resolvedOn} className="tabular">{formatDay(locale, resolvedOn)}</time> : null}
              </Cell>
            </tr>
          );
        })}
      </DataTable>
    </PagedList>
  );
}
