import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { formatDay } from '@/i18n/format-day';
import { formatLocalDateTime } from '@/i18n/format-time';
import { formatCount } from '@/lib/format';
import { pickName } from '@/i18n/pick-name';
import { listDeleted } from '../queries';
import { RestoreButton } from './restore-button';
import type { FormAction } from '@/components/ui/use-form-action';
import { SimpleTable } from '@/components/ui/simple-table';
import { PageHeader } from '@/components/ui/page-header';
import { isoDayOf } from '@/lib/calendar';

export type RestoreActions = { meeting: FormAction<{ id: number }>; issue: FormAction<{ id: number }> };

/** Deleted meetings and issues; the page passes the records' restore actions in. */
export async function RestoreView({ actions }: { actions: RestoreActions }) {
  const [t, tc, locale, { meetings, issues }] = await Promise.all([
    getTranslations('entry.restore'), getTranslations('codes'), getLocale(), listDeleted(),
  ]);
  const when = (d: Date | null) => (d ? formatLocalDateTime(locale, d) : '—');
  const day = (d: Date) => formatDay(locale, isoDayOf(d));
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('subtitle')} />
      <section className="space-y-3" aria-labelledby="deleted-meetings">
        <h2 id="deleted-meetings" className="text-lg font-semibold">{t('meetings')}</h2>
        {meetings.length === 0 ? <EmptyState title={t('noMeetings')} /> : (
          <SimpleTable label={t('meetings')} head={[{ label: t('meeting') }, { label: t('issues') }, { label: t('deletedAt') }, { label: t('action') }]}>
            {meetings.map((m) => (
              <tr key={m.id} className="border-t border-neutral-200 align-top">
                <td className="px-3 py-2">№ {m.id} · {day(m.heldOn)} · {tc(`meetingKind.${m.kind}`)} · {m.official.fullName} · {pickName(locale, m.region)}</td>
                <td className="tabular px-3 py-2 text-right">{formatCount(locale, m._count.issues)}</td>
                <td className="px-3 py-2">{when(m.deletedAt)}</td>
                <td className="px-3 py-2"><RestoreButton action={actions.meeting} id={m.id} label={t('restoreMeeting', { id: m.id })} /></td>
              </tr>
            ))}
          </SimpleTable>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="deleted-issues">
        <h2 id="deleted-issues" className="text-lg font-semibold">{t('issuesTitle')}</h2>
        {issues.length === 0 ? <EmptyState title={t('noIssues')} /> : (
          <SimpleTable label={t('issuesTitle')} head={[{ label: t('issue') }, { label: t('meeting') }, { label: t('deletedAt') }, { label: t('action') }]}>
            {issues.map((i) => (
              <tr key={i.id} className="border-t border-neutral-200 align-top">
                <td className="px-3 py-2">№ {i.id} · {day(i.raisedOn)} · {pickName(locale, i.region)} — {i.description}</td>
                <td className="px-3 py-2"><Link href={`/meetings/${i.meetingId}`} className="text-sky-kz-dark underline">№ {i.meetingId}</Link></td>
                <td className="px-3 py-2">{when(i.deletedAt)}</td>
                <td className="px-3 py-2"><RestoreButton action={actions.issue} id={i.id} label={t('restoreIssue', { id: i.id })} /></td>
              </tr>
            ))}
          </SimpleTable>
        )}
      </section>
    </div>
  );
}
