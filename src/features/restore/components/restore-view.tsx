import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDay } from '@/i18n/format-day';
import { formatLocalDateTime } from '@/i18n/format-time';
import { formatCount } from '@/lib/format';
import { pickName } from '@/i18n/pick-name';
import { listDeleted } from '../queries';
import { RestoreButton } from './restore-button';
import { TableScroll } from '@/components/ui/table-scroll';

export async function RestoreView() {
  const [t, tc, locale, { meetings, issues }] = await Promise.all([
    getTranslations('entry.restore'), getTranslations('codes'), getLocale(), listDeleted(),
  ]);
  const when = (d: Date | null) => (d ? formatLocalDateTime(locale, d) : '—');
  const day = (d: Date) => formatDay(locale, d.toISOString().slice(0, 10));
  const th = 'px-3 py-2 text-left';
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-neutral-700">{t('subtitle')}</p>
      </div>
      <section className="space-y-3" aria-labelledby="deleted-meetings">
        <h2 id="deleted-meetings" className="text-lg font-semibold">{t('meetings')}</h2>
        {meetings.length === 0 ? <EmptyState title={t('noMeetings')} /> : (
          <TableScroll label={t('meetings')} className="rounded border border-neutral-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-neutral-100"><tr><th scope="col" className={th}>{t('meeting')}</th><th scope="col" className={th}>{t('issues')}</th><th scope="col" className={th}>{t('deletedAt')}</th><th scope="col" className={th}>{t('action')}</th></tr></thead>
              <tbody>
                {meetings.map((m) => (
                  <tr key={m.id} className="border-t border-neutral-200 align-top">
                    <td className="px-3 py-2">№ {m.id} · {day(m.heldOn)} · {tc(`meetingKind.${m.kind}`)} · {m.official.fullName} · {pickName(locale, m.region)}</td>
                    <td className="tabular px-3 py-2 text-right">{formatCount(locale, m._count.issues)}</td>
                    <td className="px-3 py-2">{when(m.deletedAt)}</td>
                    <td className="px-3 py-2"><RestoreButton what="meeting" id={m.id} label={t('restoreMeeting', { id: m.id })} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="deleted-issues">
        <h2 id="deleted-issues" className="text-lg font-semibold">{t('issuesTitle')}</h2>
        {issues.length === 0 ? <EmptyState title={t('noIssues')} /> : (
          <TableScroll label={t('issuesTitle')} className="rounded border border-neutral-200 bg-white">
            <table className="w-full text-sm">
              <thead className="bg-neutral-100"><tr><th scope="col" className={th}>{t('issue')}</th><th scope="col" className={th}>{t('meeting')}</th><th scope="col" className={th}>{t('deletedAt')}</th><th scope="col" className={th}>{t('action')}</th></tr></thead>
              <tbody>
                {issues.map((i) => (
                  <tr key={i.id} className="border-t border-neutral-200 align-top">
                    <td className="px-3 py-2">№ {i.id} · {day(i.raisedOn)} · {pickName(locale, i.region)} — {i.description}</td>
                    <td className="px-3 py-2"><Link href={`/meetings/${i.meetingId}`} className="text-sky-kz-dark underline">№ {i.meetingId}</Link></td>
                    <td className="px-3 py-2">{when(i.deletedAt)}</td>
                    <td className="px-3 py-2"><RestoreButton what="issue" id={i.id} label={t('restoreIssue', { id: i.id })} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </section>
    </div>
  );
}
