import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { can } from '@/server/access/policy';
import type { Caller } from '@/server/auth/caller';

// The data-entry links on the meetings pages, shown to those who may write.

export async function NewMeetingLink({ caller }: { caller: Caller }) {
  if (!can(caller.role, 'records.write')) return null;
  const [t, tp, ts] = await Promise.all([getTranslations('entry.recordLinks'), getTranslations('entry.plans'), getTranslations('entry.schedule')]);
  return (
    <p className="flex flex-wrap items-center justify-end gap-4">
      {can(caller.role, 'region.plans.write') ? <Link href="/entry/plans" className="text-sky-kz-dark underline">{tp('title')}</Link> : null}
      {can(caller.role, 'schedule.write') ? <Link href="/entry/schedule" className="text-sky-kz-dark underline">{ts('title')}</Link> : null}
      <Link href="/meetings/new" className="rounded bg-sky-kz-dark px-4 py-2 font-medium text-white" data-testid="new-meeting">{t('newMeeting')}</Link>
    </p>
  );
}

export async function EditMeetingLink({ caller, id, saved }: { caller: Caller; id: number; saved: boolean }) {
  const t = await getTranslations('entry.recordLinks');
  return (
    <div className="flex flex-wrap items-center justify-end gap-4">
      {saved ? <p role="status" className="rounded border border-sky-kz-dark bg-sky-50 px-3 py-2 text-sm">✓ {t('saved')}</p> : null}
      {can(caller.role, 'records.write') ? (
        <Link href={`/meetings/${id}/edit`} className="rounded border border-neutral-500 bg-white px-4 py-2 font-medium">{t('editMeeting')}</Link>
      ) : null}
    </div>
  );
}
