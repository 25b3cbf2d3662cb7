import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { listIssuedBriefings } from '@/features/exports/briefing/queries';
import { periodLabel } from '@/server/stats/period-label';
import { LOCALES } from '@/i18n/config';
import { formatLocalDateTime } from '@/i18n/format-time';
import type { Period } from '@/lib/period';
import { TABLES } from '../tables';
import { IssueBriefingButton } from './issue-button';
import { SimpleTable } from '@/components/ui/simple-table';
import { PageHeader } from '@/components/ui/page-header';

// The export page: the draft briefing, the workbook and the CSV tables of the chosen period,
// the issuing of the official version (managers), and the archive of issued versions.

const link = 'inline-block rounded border border-neutral-300 bg-white px-3 py-1.5 text-sm text-sky-kz-dark underline hover:bg-neutral-50';

export async function ExportsView({ period, canIssue, header }: { period: Period; canIssue: boolean; header: React.ReactNode }) {
  const [t, tt, tl, locale, label, archive] = await Promise.all([
    getTranslations('exports.page'), getTranslations('exports.tables'), getTranslations('language'), getLocale(), periodLabel(period), listIssuedBriefings(),
  ]);
  const p = encodeURIComponent(period.code);
  const briefingPeriod = period.kind === 'half' || period.kind === 'year';
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('intro')} intro />
      {header}

      <section aria-labelledby="ex-briefing" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4">
        <h2 id="ex-briefing" className="text-lg font-semibold">{t('briefingTitle')} · {label}</h2>
        {briefingPeriod ? (
          <>
            <p className="text-sm text-neutral-700">{t('briefingHint')}</p>
            <ul className="flex flex-wrap gap-2">
              {LOCALES.flatMap((lang) => (['docx', 'pdf'] as const).map((f) => (
                <li key={`${lang}-${f}`}>
                  <a className={link} href={`/api/v1/exports/briefing?period=${p}&format=${f}&lang=${lang}`} download>
                    {t('download', { format: f.toUpperCase(), language: tl(lang) })}
                  </a>
                </li>
              )))}
            </ul>
          </>
        ) : <p className="text-sm text-neutral-700">{t('briefingOnlyHalfOrYear')}</p>}
      </section>

      <section aria-labelledby="ex-workbook" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4">
        <h2 id="ex-workbook" className="text-lg font-semibold">{t('workbookTitle')} · {label}</h2>
        <p className="text-sm text-neutral-700">{t('workbookHint')}</p>
        <ul className="flex flex-wrap gap-2">
          {LOCALES.map((lang) => (
            <li key={lang}><a className={link} href={`/api/v1/exports/workbook?period=${p}&lang=${lang}`} download>{t('download', { format: 'XLSX', language: tl(lang) })}</a></li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="ex-csv" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4">
        <h2 id="ex-csv" className="text-lg font-semibold">{t('csvTitle')} · {label}</h2>
        <p className="text-sm text-neutral-700">{t('csvHint')}</p>
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {TABLES.map((table) => (
            <li key={table} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="min-w-40 font-medium">{tt(table)}</span>
              <a className="text-sky-kz-dark underline" href={`/api/v1/exports/csv/${table}?period=${p}&delimiter=%3B`} download>{t('delimiterSemicolon')}</a>
              <a className="text-sky-kz-dark underline" href={`/api/v1/exports/csv/${table}?period=${p}&delimiter=%2C`} download>{t('delimiterComma')}</a>
            </li>
          ))}
        </ul>
      </section>

      {canIssue ? (
        <section aria-labelledby="ex-issue" className="space-y-2 rounded-lg border border-neutral-200 bg-white p-4">
          <h2 id="ex-issue" className="text-lg font-semibold">{t('issueTitle')}</h2>
          <p className="max-w-3xl text-sm text-neutral-700">{t('issueHint')}</p>
          {period.kind === 'half' ? (
            <IssueBriefingButton
              period={period.code}
              texts={{ button: t('issueButton', { period: label }), issuing: t('issuing'), issued: t.raw('issued') as string, failed: t.raw('issueFailed') as string, conflict: t.raw('issueConflict') as string }}
            />
          ) : <p className="text-sm text-neutral-700">{t('issueOnlyHalf')}</p>}
        </section>
      ) : null}

      <section aria-labelledby="ex-archive" className="space-y-2">
        <h2 id="ex-archive" className="text-lg font-semibold">{t('archiveTitle')}</h2>
        {archive.length === 0 ? <EmptyState title={t('archiveEmpty')} /> : (
          <SimpleTable
            label={t('archiveTitle')}
            className="rounded-lg border border-neutral-200 bg-white"
            head={[
              { label: t('archivePeriod') }, { label: t('archiveVersion'), numeric: true }, { label: t('archiveIssued') },
              { label: t('archiveBy') }, { label: t('archiveFiles') },
            ]}
          >
            {archive.map((b) => (
              <tr key={b.id} className="border-t border-neutral-200" data-testid={`issued-${b.period}-v${b.version}`}>
                <td className="px-3 py-2">{b.period}</td>
                <td className="px-3 py-2 text-right tabular-nums">{b.version}</td>
                <td className="px-3 py-2">{formatLocalDateTime(locale, new Date(b.issuedAt))}</td>
                <td className="px-3 py-2">{b.issuedBy.fullName}</td>
                <td className="px-3 py-2">
                  <ul className="flex flex-wrap gap-2">
                    {b.files.map((f) => (
                      <li key={`${f.lang}-${f.format}`}><a className="text-sky-kz-dark underline" href={f.href} download>{`${f.format.toUpperCase()} ${tl(f.lang)}`}</a></li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </SimpleTable>
        )}
      </section>
    </div>
  );
}
