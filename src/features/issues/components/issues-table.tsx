import Link from 'next/link';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Cell, type ColumnSort, DataTable } from '@/components/ui/data-table';
import { listState, UnknownCodeNotice } from '@/components/ui/list-states';
import { Pagination } from '@/components/ui/pagination';
import { formatDay } from '@/i18n/format-day';
import { pickName } from '@/i18n/pick-name';
import type { Caller } from '@/server/auth/caller';
import { isAppError } from '@/server/errors';
import { ISSUES_PAGE_SIZE, listIssuesPage } from '../queries';
import type { IssuePageParams } from '../schemas';
import { issuesLinkParams, issuesQuery } from './issues-query';

const iso = (d: Date) => d.toISOString().slice(0, 10);

// One page of issues with the total that match; sorting and paging are links, so the
// server does both and the view can be bookmarked.
export async function IssuesTable({ caller, params, filtered }: { caller: Caller; params: IssuePageParams; filtered: boolean }) {
  const [locale, format, t, tr, tc] = await Promise.all([
    getLocale(), getFormatter(), getTranslations('issueRecords'), getTranslations('records'), getTranslations('codes'),
  ]);
  let list: Awaited<ReturnType<typeof listIssuesPage>>;
  try {
    list = await listIssuesPage(caller, params);
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION') return <UnknownCodeNotice>{tr('unknownCode')}</UnknownCodeNotice>;
    throw e;
  }
  const count = <p className="tabular text-sm font-medium text-neutral-800" role="status" data-testid="records-count">{t('count', { count: list.total })}</p>;
  const state = listState({
    count, total: list.total, rows: list.rows.length, filtered,
    empty: { title: t('emptyTitle'), text: t('empty') }, emptyFiltered: { title: t('emptyFilteredTitle'), text: t('emptyFiltered') },
    beyondLastPage: tr('beyondLastPage', { page: params.page, pages: list.pageCount }),
    firstPage: { href: `/issues?${issuesQuery(params, { page: 1 })}`, label: tr('toFirstPage') },
  });
  if (state) return state;
  const first = (params.page - 1) * ISSUES_PAGE_SIZE + 1;
  const direction = params.sort === 'raisedOn' ? 'ascending' : 'descending';
  const dateSort: ColumnSort = {
    href: `/issues?${issuesQuery(params, { sort: direction === 'descending' ? 'raisedOn' : '-raisedOn', page: 1 })}`,
    direction,
    hint: direction === 'descending' ? tr('sortAscending') : tr('sortDescending'),
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
          const raisedOn = iso(i.raisedOn);
          const resolvedOn = i.resolvedOn ? iso(i.resolvedOn) : null;
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
      <Pagination page={params.page} pageCount={list.pageCount} path="/issues" params={issuesLinkParams(params)} />
    </div>
  );
}
