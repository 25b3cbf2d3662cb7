import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable } from '@/components/ui/data-table';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState } from '@/components/ui/empty-state';
import { BudgetSource } from '@/generated/prisma/enums';
import { formatDay } from '@/i18n/format-day';
import { pickName } from '@/i18n/pick-name';
import type { Caller } from '@/server/auth/caller';
import { isAppError } from '@/server/errors';
import { getIssuePage } from '../queries';

/** An issue for its page, or the 404 page: one outside the caller's scope is not revealed. */
export async function loadIssue(caller: Caller, id: number) {
  try {
    return await getIssuePage(caller, id);
  } catch (e) {
    if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) notFound();
    throw e;
  }
}

const day = (locale: string, iso: string | null) => (iso ? <time dateTime={iso} className="tabular">{formatDay(locale, iso)}</time> : null);

// The issue, its status history as a timeline, its budget entries with totals by source,
// and its entries on the central-level list.
export async function IssueDetail({ data }: { data: Awaited<ReturnType<typeof loadIssue>> }) {
  const { issue: i, names, escalations } = data;
  const [locale, format, t, tr, tc, tp] = await Promise.all([
    getLocale(), getFormatter(), getTranslations('issueRecords'), getTranslations('records'), getTranslations('codes'), getTranslations('period'),
  ]);
  const tenge = (amount: bigint | string) =>
    format.number(BigInt(amount), { style: 'currency', currency: 'KZT', currencyDisplay: 'narrowSymbol', maximumFractionDigits: 0 });
  const totals = Object.values(BudgetSource)
    .map((source) => {
      const sum = (kind: 'NEED' | 'ALLOCATED') =>
        i.budgetEntries.filter((b) => b.source === source && b.kind === kind).reduce((s, b) => s + BigInt(b.amountKzt), 0n);
      const has = i.budgetEntries.some((b) => b.source === source);
      return { source, has, need: sum('NEED'), allocated: sum('ALLOCATED') };
    })
    .filter((r) => r.has);

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <Link href="/issues" className="text-sm text-sky-kz-dark underline">← {t('backToList')}</Link>
        <h1 className="text-2xl font-semibold">{t('detail.title', { id: i.id })}</h1>
        <p className="max-w-3xl text-lg">{i.description}</p>
      </div>

      <section aria-labelledby="issue-details">
        <h2 id="issue-details" className="sr-only">{tr('details')}</h2>
        <DetailList
          items={[
            { term: t('detail.status'), value: tc(`issueStatus.${i.status}`) },
            { term: t('detail.category'), value: pickName(locale, names.category) },
            { term: t('detail.region'), value: pickName(locale, names.region) },
            { term: t('detail.responsible'), value: tr(`responsibleLevel.${i.responsibleLevel}`) },
            { term: t('detail.raisedOn'), value: day(locale, i.raisedOn) },
            {
              term: t('detail.meeting'),
              value: (
                <Link href={`/meetings/${i.meeting.id}`} className="text-sky-kz-dark underline">
                  {t('detail.meetingLink', { date: formatDay(locale, i.meeting.heldOn) })}
                </Link>
              ),
            },
            { term: t('detail.resolvedOn'), value: day(locale, i.resolvedOn) },
          ]}
        />
      </section>

      <section aria-labelledby="issue-history" className="space-y-2">
        <h2 id="issue-history" className="text-lg font-semibold">{t('detail.history')}</h2>
        <p className="text-sm text-neutral-700">{t('detail.historyIntro')}</p>
        {i.statusHistory.length === 0 ? (
          <EmptyState title={t('detail.noHistory')} />
        ) : (
          <ol className="relative space-y-4 border-l-2 border-neutral-300 pl-6" data-testid="status-timeline">
            {i.statusHistory.map((c) => (
              <li key={c.id} className="relative">
                <span aria-hidden="true" className="absolute top-1.5 -left-[1.95rem] size-3 rounded-full border-2 border-white bg-sky-kz-dark" />
                <p className="text-sm text-neutral-700">{day(locale, c.effectiveOn)}</p>
                <p className="font-medium">
                  {c.fromStatus
                    ? t('detail.change', { from: tc(`issueStatus.${c.fromStatus}`), to: tc(`issueStatus.${c.toStatus}`) })
                    : tc(`issueStatus.${c.toStatus}`)}
                </p>
                {c.comment ? <p className="whitespace-pre-line">{c.comment}</p> : null}
                <p className="text-xs text-neutral-700">{c.author ? t('detail.by', { name: c.author }) : t('detail.byUnknown')}</p>
              </li>
            ))}
          </ol>
        )}
      </section>

      <section aria-labelledby="issue-budget" className="space-y-2">
        <h2 id="issue-budget" className="text-lg font-semibold">{t('detail.budget')}</h2>
        {i.budgetEntries.length === 0 ? (
          <EmptyState title={t('detail.noBudget')} />
        ) : (
          <>
            <p className="text-sm text-neutral-700">{t('detail.budgetIntro')}</p>
            <DataTable
              caption={t('detail.budgetCaption')}
              head={[
                { label: t('detail.budgetColumns.effectiveOn') },
                { label: t('detail.budgetColumns.source') },
                { label: t('detail.budgetColumns.kind') },
                { label: t('detail.budgetColumns.amount'), numeric: true },
                { label: t('detail.budgetColumns.note') },
              ]}
            >
              {i.budgetEntries.map((b) => (
                <tr key={b.id}>
                  <Cell className="whitespace-nowrap">{day(locale, b.effectiveOn)}</Cell>
                  <Cell>{tc(`budgetSource.${b.source}`)}</Cell>
                  <Cell>{tr(`budgetKind.${b.kind}`)}</Cell>
                  <Cell numeric className="whitespace-nowrap">{tenge(b.amountKzt)}</Cell>
                  <Cell>{b.note}</Cell>
                </tr>
              ))}
            </DataTable>
            <h3 className="pt-2 font-semibold">{t('detail.budgetTotals')}</h3>
            <DataTable
              caption={t('detail.budgetTotalsCaption')}
              head={[
                { label: t('detail.budgetTotalColumns.source') },
                { label: t('detail.budgetTotalColumns.need'), numeric: true },
                { label: t('detail.budgetTotalColumns.allocated'), numeric: true },
                { label: t('detail.budgetTotalColumns.share'), numeric: true },
              ]}
            >
              {totals.map((r) => (
                <tr key={r.source}>
                  <Cell>{tc(`budgetSource.${r.source}`)}</Cell>
                  <Cell numeric className="whitespace-nowrap">{r.need > 0n ? tenge(r.need) : null}</Cell>
                  <Cell numeric className="whitespace-nowrap">{r.allocated > 0n ? tenge(r.allocated) : null}</Cell>
                  <Cell numeric>{r.need > 0n ? format.number(Number(r.allocated) / Number(r.need), { style: 'percent', maximumFractionDigits: 1 }) : null}</Cell>
                </tr>
              ))}
            </DataTable>
          </>
        )}
      </section>

      <section aria-labelledby="issue-escalation" className="space-y-2">
        <h2 id="issue-escalation" className="text-lg font-semibold">{t('detail.escalation')}</h2>
        {escalations.length === 0 ? (
          <EmptyState title={t('detail.noEscalation')} />
        ) : (
          escalations.map((e) => (
            <div key={e.id} className="space-y-3 rounded-lg border border-neutral-200 bg-white p-4" data-testid="escalation">
              <h3 className="font-semibold">{t('detail.escalationTitle', { half: tp('half', { year: String(e.year), half: String(e.half) }) })}</h3>
              <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-2">
                <div>
                  <dt className="text-sm text-neutral-700">{t('detail.escalationBody')}</dt>
                  <dd className="font-medium">{pickName(locale, e.centralBody)}</dd>
                </div>
                <div>
                  <dt className="text-sm text-neutral-700">{t('detail.includedOn')}</dt>
                  <dd className="font-medium">{e.includedOn ? day(locale, e.includedOn) : '—'}</dd>
                </div>
                <div>
                  <dt className="text-sm text-neutral-700">{t('detail.disposition')}</dt>
                  <dd className="font-medium">{e.disposition ? tc(`disposition.${e.disposition}`) : t('detail.noDisposition')}</dd>
                </div>
                <div>
                  <dt className="text-sm text-neutral-700">{t('detail.republicanAmount')}</dt>
                  <dd className="tabular font-medium">{e.republicanAmountKzt !== null ? tenge(e.republicanAmountKzt) : '—'}</dd>
                </div>
                <div>
                  <dt className="text-sm text-neutral-700">{t('detail.selected')}</dt>
                  <dd className="font-medium">
                    <span aria-hidden="true">{e.selected ? '✓ ' : '✗ '}</span>
                    {e.selected ? tr('yes') : tr('no')}
                    {e.selected && e.selectedOn ? <span className="font-normal text-neutral-700"> {t('detail.selectedSince', { date: formatDay(locale, e.selectedOn) })}</span> : null}
                  </dd>
                </div>
                {e.proposal ? (
                  <div className="sm:col-span-2">
                    <dt className="text-sm text-neutral-700">{t('detail.proposal')}</dt>
                    <dd className="whitespace-pre-line">{e.proposal}</dd>
                  </div>
                ) : null}
              </dl>
              {e.history.length > 0 ? (
                <>
                  <h4 className="text-sm font-semibold">{t('detail.dispositionHistory')}</h4>
                  <ol className="space-y-2 border-l-2 border-neutral-300 pl-4 text-sm">
                    {e.history.map((h) => (
                      <li key={h.id}>
                        <span className="text-neutral-700">{day(locale, h.effectiveOn)}</span>{' — '}
                        <span className="font-medium">{tc(`disposition.${h.disposition}`)}</span>
                        {h.republicanAmountKzt !== null ? <span className="tabular"> · {tenge(h.republicanAmountKzt)}</span> : null}
                        {h.comment ? <span className="block">{h.comment}</span> : null}
                        <span className="block text-xs text-neutral-700">{h.author ? t('detail.by', { name: h.author }) : t('detail.byUnknown')}</span>
                      </li>
                    ))}
                  </ol>
                </>
              ) : null}
            </div>
          ))
        )}
      </section>
    </div>
  );
}
