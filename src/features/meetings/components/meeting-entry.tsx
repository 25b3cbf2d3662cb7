import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { categoryOptions, codeOptions, officialOptions, regionOptions } from '@/server/records/options';
import { meetingKindsFor } from '@/server/access/scopes/meeting';
import type { Caller } from '@/server/auth/caller';
import { isAppError } from '@/server/errors';
import { getMeeting } from '../queries';
import { DeleteMeetingForm } from './delete-meeting-form';
import { type EditableMeeting, MeetingForm, type MeetingFormValues } from './meeting-form';

// The pages around the meeting form: which kinds the caller may record, the choices in the
// caller's scope, and the meeting as it stands for an edit.

async function formOptions(caller: Caller, kind: 'AKIM' | 'CENTRAL') {
  const [officials, categories, regions, codes] = await Promise.all([officialOptions(caller, kind), categoryOptions(), kind === 'CENTRAL' ? regionOptions() : [], codeOptions()]);
  return { officials, categories, regions, venues: codes.venues, channels: codes.channels, responsibleLevels: codes.responsibleLevels };
}

export async function NewMeeting({ caller, kind: asked }: { caller: Caller; kind?: string }) {
  const kinds = meetingKindsFor(caller);
  const kind = kinds.includes(asked as 'AKIM') ? (asked as 'AKIM' | 'CENTRAL') : kinds[0]!;
  const [t, tc, options] = await Promise.all([getTranslations('entry.meetingForm'), getTranslations('codes'), formOptions(caller, kind)]);
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href="/meetings" className="text-sm text-sky-kz-dark underline">← {t('backToList')}</Link>
        <h1 className="text-2xl font-semibold">{t('newTitle')}</h1>
        <p className="text-neutral-700">{t('newSubtitle')}</p>
      </div>
      {kinds.length > 1 ? (
        <nav aria-label={t('kindLabel')} className="flex gap-4 border-b border-neutral-200 text-sm">
          {kinds.map((k) => (
            <Link key={k} href={`/meetings/new?kind=${k}`} aria-current={k === kind ? 'page' : undefined}
              className={`border-b-2 px-1 py-2 font-medium ${k === kind ? 'border-sky-kz-dark' : 'border-transparent'}`}>{tc(`meetingKind.${k}`)}</Link>
          ))}
        </nav>
      ) : null}
      <MeetingForm key={kind} mode="create" kind={kind} options={options} />
    </div>
  );
}

export async function EditMeeting({ caller, id }: { caller: Caller; id: number }) {
  let m;
  try {
    m = await getMeeting(caller, id);
  } catch (e) {
    if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'FORBIDDEN')) notFound();
    throw e;
  }
  const kind = m.kind;
  const [t, tr, options] = await Promise.all([getTranslations('entry.meetingForm'), getTranslations('records'), formOptions(caller, kind)]);
  const values: MeetingFormValues = {
    kind, officialId: String(m.official.id), heldOn: m.heldOn, venue: m.venue, venueNote: m.venueNote ?? '', announcedOn: m.announcedOn ?? '',
    announcementChannels: m.announcementChannels, attendance: m.attendance === null ? '' : String(m.attendance), outcomes: m.outcomes ?? '',
    externalRef: m.externalRef ?? '', openMicrophone: m.openMicrophone, briefingHeld: m.briefingHeld, ngoMeetingHeld: m.ngoMeetingHeld,
    problemSiteVisited: m.problemSiteVisited, questionsCollected: m.questionsCollected, actionPlanPrepared: m.actionPlanPrepared,
    regionKato: m.regionKato, issues: [],
    receptions: m.receptions.map((r) => ({ heldOn: r.heldOn, citizensReceived: String(r.citizensReceived), issuesVoiced: String(r.issuesVoiced), issuesResolved: String(r.issuesResolved), issuesInExecution: String(r.issuesInExecution) })),
  };
  // The official may have left office since; keep them selectable for this meeting.
  if (!options.officials.some((o) => o.value === values.officialId)) options.officials.unshift({ value: values.officialId, label: m.official.fullName, group: '' });
  const labelOf = (list: { value: string; label: string }[], v: string) => list.find((o) => o.value === v)?.label ?? v;
  const yesNo = (b: boolean) => (b ? tr('yes') : tr('no'));
  const display: Record<string, string> = {
    ...Object.fromEntries(Object.entries(values).map(([k, v]) => [k, typeof v === 'boolean' ? yesNo(v) : typeof v === 'string' ? v : ''])),
    officialId: labelOf(options.officials, values.officialId),
    venue: labelOf(options.venues, values.venue),
    announcementChannels: values.announcementChannels.map((c) => labelOf(options.channels, c)).join(', '),
    receptions: values.receptions.map((r) => `${r.heldOn}: ${r.citizensReceived}`).join('; '),
  };
  const meeting: EditableMeeting = { id: m.id, version: m.version, values, display };
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <Link href={`/meetings/${m.id}`} className="text-sm text-sky-kz-dark underline">← {t('backToMeeting')}</Link>
        <h1 className="text-2xl font-semibold">{t('editTitle')}</h1>
        <p className="text-neutral-700">{t('editSubtitle')}</p>
        <p><Link href={`/meetings/${m.id}#add-issue`} className="text-sky-kz-dark underline">{t('addIssueLink')}</Link></p>
      </div>
      <MeetingForm mode="edit" kind={kind} options={options} meeting={meeting} />
      <section className="space-y-2 border-t border-neutral-200 pt-6">
        <h2 className="text-lg font-semibold">{t('deleteTitle')}</h2>
        <p className="text-sm text-neutral-700">{t('deleteHint', { count: m.issues.length })}</p>
        <DeleteMeetingForm id={m.id} version={m.version} />
      </section>
    </div>
  );
}
