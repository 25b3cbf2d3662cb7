import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable } from '@/components/ui/data-table';
import { DetailList } from '@/components/ui/detail-list';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDay } from '@/i18n/format-day';
import { pickName } from '@/i18n/pick-name';
import type { Caller } from '@/server/auth/caller';
import { isAppError } from '@/server/errors';
import { getMeetingPage } from '../queries';
import { DECREE_REQUIREMENTS, requirementsMet } from '@/server/records/meetings/rules';

/** A meeting for its page, or the 404 page: one outside the caller's scope is not revealed. */
export async function loadMeeting(caller: Caller, id: number) {
  try {
    return await getMeetingPage(caller, id);
  } catch (e) {
    if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) notFound();
    throw e;
  }
}

/** The venue and its note, without repeating a note that only restates the venue. */
const venueText = (venue: string, note: string | null) => (note && note !== venue ? `${venue} — ${note}` : venue);

const day = (locale: string, iso: string | null) => (iso ? <time dateTime={iso} className="tabular">{formatDay(locale, iso)}</time> : null);

// The meeting, its issues (each a link), the Decree's checklist for central officials'
// meetings, and its personal receptions.
export async function MeetingDetail({ data }: { data: Awaited<ReturnType<typeof loadMeeting>> }) {
  const { meeting: m, names, announcementMinDays } = data;
  const [locale, format, t, tr, tc] = await Promise.all([
    getLocale(), getFormatter(), getTranslations('meetingRecords'), getTranslations('records'), getTranslations('codes'),
  ]);
  const n = (v: number) => format.number(v);
  const central = m.kind === 'CENTRAL';
  const met = requirementsMet({ ...m, personalReceptions: m.receptions.length }, announcementMinDays);
  const metCount = DECREE_REQUIREMENTS.filter((r) => met[r]).length;
  const totals = m.receptions.reduce(
    (s, r) => ({
      citizensReceived: s.citizensReceived + r.citizensReceived, issuesVoiced: s.issuesVoiced + r.issuesVoiced,
      issuesResolved: s.issuesResolved + r.issuesResolved, issuesInExecution: s.issuesInExecution + r.issuesInExecution,
    }),
    { citizensReceived: 0, issuesVoiced: 0, issuesResolved: 0, issuesInExecution: 0 },
  );
  const receptionFigures = ['citizensReceived', 'issuesVoiced', 'issuesResolved', 'issuesInExecution'] as const;

  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <Link href="/meetings" className="text-sm text-sky-kz-dark underline">← {t('backToList')}</Link>
        <h1 className="text-2xl font-semibold">{t('detail.title', { date: formatDay(locale, m.heldOn) })}</h1>
        <p className="text-neutral-700">
          {m.official.fullName} · {tc(`position.${m.official.position}`)}
        </p>
      </div>

      <section aria-labelledby="meeting-details" className="space-y-2">
        <h2 id="meeting-details" className="sr-only">{tr('details')}</h2>
        <DetailList
          items={[
            { term: t('detail.heldOn'), value: day(locale, m.heldOn) },
            { term: t('detail.kind'), value: tc(`meetingKind.${m.kind}`) },
            { term: t('detail.region'), value: pickName(locale, names.region) },
            ...(central
              ? [{ term: t('detail.body'), value: names.body ? pickName(locale, names.body) : null }]
              : [
                  { term: t('detail.level'), value: m.level ? tc(`akimLevel.${m.level}`) : null },
                  { term: t('detail.unit'), value: names.unit ? pickName(locale, names.unit) : null },
                ]),
            { term: t('detail.venue'), value: venueText(tc(`venue.${m.venue}`), m.venueNote) },
            { term: t('detail.openMicrophone'), value: m.openMicrophone ? tr('yes') : tr('no') },
            { term: t('detail.attendance'), value: m.attendance === null ? null : <span className="tabular">{n(m.attendance)}</span> },
            ...(central
              ? [
                  { term: t('detail.announcedOn'), value: day(locale, m.announcedOn) },
                  { term: t('detail.channels'), value: m.announcementChannels.map((c) => tr(`announcementChannel.${c}`)).join(', ') },
                ]
              : [{ term: t('detail.externalRef'), value: m.externalRef }]),
          ]}
        />
        {m.outcomes ? (
          <div className="rounded-lg border border-neutral-200 bg-white p-4">
            <h3 className="text-sm text-neutral-700">{t('detail.outcomes')}</h3>
            <p className="whitespace-pre-line">{m.outcomes}</p>
          </div>
        ) : null}
      </section>

      <section aria-labelledby="meeting-issues" className="space-y-2">
        <h2 id="meeting-issues" className="text-lg font-semibold">
          {t('detail.issues')} <span className="tabular text-base font-normal text-neutral-700">({t('detail.issuesCount', { count: m.issues.length })})</span>
        </h2>
        {m.issues.length === 0 ? (
          <EmptyState title={t('detail.noIssues')} />
        ) : (
          <DataTable
            caption={t('detail.issuesCaption')}
            head={[
              { label: t('detail.issueColumns.id'), numeric: true },
              { label: t('detail.issueColumns.description') },
              { label: t('detail.issueColumns.category') },
              { label: t('detail.issueColumns.responsible') },
              { label: t('detail.issueColumns.status') },
              { label: t('detail.issueColumns.resolvedOn') },
            ]}
          >
            {m.issues.map((i) => {
              const category = names.categories.get(i.category);
              return (
                <tr key={i.id}>
                  <Cell numeric>
                    <Link href={`/issues/${i.id}`} className="text-sky-kz-dark underline" aria-label={t('detail.openIssue', { id: i.id })}>{i.id}</Link>
                  </Cell>
                  <Cell>
                    <Link href={`/issues/${i.id}`} className="hover:underline">{i.description}</Link>
                  </Cell>
                  <Cell>{category ? pickName(locale, category) : i.category}</Cell>
                  <Cell>{tr(`responsibleLevel.${i.responsibleLevel}`)}</Cell>
                  <Cell>{tc(`issueStatus.${i.status}`)}</Cell>
                  <Cell className="whitespace-nowrap">{day(locale, i.resolvedOn)}</Cell>
                </tr>
              );
            })}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="meeting-requirements" className="space-y-2">
        <h2 id="meeting-requirements" className="text-lg font-semibold">{t('detail.requirements')}</h2>
        {central ? (
          <>
            <p className="text-sm text-neutral-700">{t('detail.requirementsIntro', { days: announcementMinDays })}</p>
            <p className="tabular font-medium">{t('detail.requirementsSummary', { met: metCount, total: DECREE_REQUIREMENTS.length })}</p>
            <ul className="divide-y divide-neutral-200 rounded-lg border border-neutral-200 bg-white" data-testid="requirements">
              {DECREE_REQUIREMENTS.map((r) => (
                <li key={r} className="flex items-center justify-between gap-4 px-4 py-2">
                  <span>{tc(`requirement.${r}`)}</span>
                  {/* A mark and a word, not colour alone. */}
                  <span className={met[r] ? 'font-medium text-sky-kz-dark' : 'font-medium text-neutral-800'}>
                    <span aria-hidden="true">{met[r] ? '✓ ' : '✗ '}</span>
                    {met[r] ? t('detail.met') : t('detail.notMet')}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="text-sm text-neutral-700">{t('detail.requirementsAkim')}</p>
        )}
      </section>

      <section aria-labelledby="meeting-receptions" className="space-y-2">
        <h2 id="meeting-receptions" className="text-lg font-semibold">{t('detail.receptions')}</h2>
        {m.receptions.length === 0 ? (
          <EmptyState title={t('detail.noReceptions')} />
        ) : (
          <DataTable
            caption={t('detail.receptionsCaption')}
            head={[
              { label: t('detail.receptionColumns.heldOn') },
              ...receptionFigures.map((f) => ({ label: t(`detail.receptionColumns.${f}`), numeric: true })),
            ]}
          >
            {m.receptions.map((r) => (
              <tr key={r.id}>
                <Cell className="whitespace-nowrap">{day(locale, r.heldOn)}</Cell>
                {receptionFigures.map((f) => <Cell key={f} numeric>{n(r[f])}</Cell>)}
              </tr>
            ))}
            {m.receptions.length > 1 ? (
              <tr className="font-semibold">
                <Cell>{t('detail.total')}</Cell>
                {receptionFigures.map((f) => <Cell key={f} numeric>{n(totals[f])}</Cell>)}
              </tr>
            ) : null}
          </DataTable>
        )}
      </section>
    </div>
  );
}
