'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useFieldArray } from 'react-hook-form';
import { Checkbox, type Choice, Input, Select, TextArea } from '@/components/forms/form-kit';
import { type EntryAction, FormNotices, SaveButton, useVersionedForm, type VersionedRecord } from '@/components/forms/versioned-form';
import { createMeetingAction, updateMeetingAction } from '../actions';
import { akimMeetingSchema, centralMeetingSchema, updateMeetingSchema } from '@/server/records/meetings/schemas';

// The meeting form: a new akim's or central official's meeting with its issues (and, for a
// central official, the decree checklist and personal receptions), or an edit of a meeting's
// own fields. Validated in the browser and on the server by the same zod schema; server
// refusals land beside their fields, and what was typed stays. When someone else saved the
// meeting meanwhile, the form lists what they changed and offers to apply this change again.

export type MeetingFormValues = {
  kind: 'AKIM' | 'CENTRAL';
  officialId: string;
  heldOn: string;
  venue: string;
  venueNote: string;
  announcedOn: string;
  announcementChannels: string[];
  attendance: string;
  outcomes: string;
  externalRef: string;
  openMicrophone: boolean;
  briefingHeld: boolean;
  ngoMeetingHeld: boolean;
  problemSiteVisited: boolean;
  questionsCollected: boolean;
  actionPlanPrepared: boolean;
  regionKato: string;
  receptions: Array<{ heldOn: string; citizensReceived: string; issuesVoiced: string; issuesResolved: string; issuesInExecution: string }>;
  issues: Array<{ categoryCode: string; description: string; responsibleLevel: string }>;
};

export type EditableMeeting = VersionedRecord<MeetingFormValues>;

type Options = {
  officials: Choice[];
  categories: Choice[];
  regions: Choice[];
  venues: Choice[];
  channels: Choice[];
  responsibleLevels: Choice[];
};

const CHECKLIST = ['briefingHeld', 'questionsCollected', 'ngoMeetingHeld', 'problemSiteVisited', 'actionPlanPrepared'] as const;
const RECEPTION_FIELDS = ['heldOn', 'citizensReceived', 'issuesVoiced', 'issuesResolved', 'issuesInExecution'] as const;

export const emptyMeeting = (kind: 'AKIM' | 'CENTRAL'): MeetingFormValues => ({
  kind, officialId: '', heldOn: '', venue: 'HOUSE_OF_CULTURE', venueNote: '', announcedOn: '', announcementChannels: [], attendance: '',
  outcomes: '', externalRef: '', openMicrophone: false, briefingHeld: false, ngoMeetingHeld: false, problemSiteVisited: false,
  questionsCollected: false, actionPlanPrepared: false, regionKato: '', receptions: [],
  issues: [{ categoryCode: '', description: '', responsibleLevel: kind === 'AKIM' ? 'REGION' : 'CENTRAL' }],
});

/** The fields a person changes in the edit form, for the "changed meanwhile" list. */
const COMPARED = ['officialId', 'heldOn', 'venue', 'venueNote', 'announcedOn', 'announcementChannels', 'attendance', 'outcomes', 'externalRef', 'openMicrophone', ...CHECKLIST, 'receptions'] as const;

/** The action's input from the parsed values; the kind comes from the page, since the edit schema has none. */
const CLEARABLE = ['venueNote', 'announcedOn', 'attendance', 'outcomes', 'externalRef'] as const;

function toPayload(values: MeetingFormValues, mode: 'create' | 'edit', kind: 'AKIM' | 'CENTRAL') {
  const { kind: _kind, regionKato, receptions, issues, version: _version, ...rest } = values as MeetingFormValues & { version?: string };
  const central = kind === 'CENTRAL';
  const checklist = central ? {} : Object.fromEntries(CHECKLIST.map((k) => [k, undefined]));
  // An emptied optional field is sent as null: an absent one would leave the stored value as it was.
  const cleared = Object.fromEntries(CLEARABLE.map((k) => [k, (rest as Record<string, unknown>)[k] ?? null]));
  if (mode === 'edit') return { ...rest, ...cleared, ...checklist, ...(central ? { receptions } : {}) };
  return { kind, ...rest, ...checklist, ...(central ? { regionKato, receptions } : {}), issues };
}

export function MeetingForm({ mode, kind, options, meeting }: { mode: 'create' | 'edit'; kind: 'AKIM' | 'CENTRAL'; options: Options; meeting?: EditableMeeting }) {
  const t = useTranslations('entry.meetingForm');
  const router = useRouter();
  const central = kind === 'CENTRAL';
  const schema = mode === 'edit' ? updateMeetingSchema : central ? centralMeetingSchema : akimMeetingSchema;
  const f = useVersionedForm<MeetingFormValues>({
    schema,
    defaults: mode === 'edit' && meeting ? meeting.values : emptyMeeting(kind),
    record: mode === 'edit' ? meeting : undefined,
    compare: COMPARED,
    action: (mode === 'create' ? createMeetingAction : updateMeetingAction) as EntryAction,
    payload: (values) => toPayload(values, mode, kind),
    onSaved: (data) => {
      router.push(`/meetings/${(data as { id: number }).id}?saved=1`);
      router.refresh();
    },
  });
  const { form, err } = f;
  const { register, control } = form;
  const issues = useFieldArray({ control, name: 'issues' });
  const receptions = useFieldArray({ control, name: 'receptions' });

  const label = (path: string): string => {
    const parts = path.split('.');
    if (parts[0] === 'issues' && parts.length === 3) return `${t('issue', { n: Number(parts[1]) + 1 })}: ${t(`issueFields.${parts[2]}` as never)}`;
    if (parts[0] === 'receptions' && parts.length === 3) return `${t('reception', { n: Number(parts[1]) + 1 })}: ${t(`receptionFields.${parts[2]}` as never)}`;
    return t.has(`fields.${parts[0]}` as never) ? t(`fields.${parts[0]}` as never) : path;
  };

  return (
    <form onSubmit={f.submit} noValidate className="max-w-3xl space-y-6" data-testid="meeting-form">
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('conflict.title')} />

      <fieldset className="space-y-4">
        <legend><h2 className="text-lg font-semibold">{t('sections.meeting')}</h2></legend>
        <Select field={register('officialId')} label={t('fields.officialId')} hint={central ? t('hints.officialCentral') : t('hints.officialAkim')} options={options.officials} emptyLabel={t('choose')} error={err('officialId')} />
        {central && mode === 'create' ? <Select field={register('regionKato')} label={t('fields.regionKato')} options={options.regions} emptyLabel={t('choose')} error={err('regionKato')} /> : null}
        <Input field={register('heldOn')} type="date" label={t('fields.heldOn')} hint={t('hints.heldOn')} error={err('heldOn')} className="max-w-48" />
        <Select field={register('venue')} label={t('fields.venue')} options={options.venues} error={err('venue')} />
        <Input field={register('venueNote')} label={t('fields.venueNote')} hint={t('hints.venueNote')} error={err('venueNote')} maxLength={500} />
        <Input field={register('attendance')} type="number" inputMode="numeric" min="0" label={t('fields.attendance')} error={err('attendance')} className="max-w-40" />
        <Input field={register('externalRef')} label={t('fields.externalRef')} hint={t('hints.externalRef')} error={err('externalRef')} maxLength={64} className="max-w-64" />
        <Checkbox field={register('openMicrophone')} label={t('fields.openMicrophone')} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend><h2 className="text-lg font-semibold">{t('sections.announcement')}</h2></legend>
        <Input field={register('announcedOn')} type="date" label={t('fields.announcedOn')} hint={t('hints.announcedOn')} error={err('announcedOn')} className="max-w-48" />
        <div className="space-y-1">
          <p className="font-medium">{t('fields.announcementChannels')}</p>
          {options.channels.map((c) => <Checkbox key={c.value} field={register('announcementChannels')} value={c.value} label={c.label} />)}
        </div>
      </fieldset>

      {central ? (
        <fieldset className="space-y-3">
          <legend><h2 className="text-lg font-semibold">{t('sections.checklist')}</h2></legend>
          {CHECKLIST.map((k) => <Checkbox key={k} field={register(k)} label={t(`fields.${k}`)} />)}
        </fieldset>
      ) : null}

      {central ? (
        <fieldset className="space-y-4">
          <legend><h2 className="text-lg font-semibold">{t('sections.receptions')}</h2></legend>
          {receptions.fields.length === 0 ? <p className="text-sm text-neutral-700">{t('noReceptions')}</p> : null}
          {receptions.fields.map((f, i) => (
            <div key={f.id} className="space-y-3 rounded border border-neutral-300 bg-white p-4">
              <h3 className="font-medium">{t('reception', { n: i + 1 })}</h3>
              <div className="grid gap-3 sm:grid-cols-2">
                {RECEPTION_FIELDS.map((k) => (
                  <Input key={k} field={register(`receptions.${i}.${k}`)} type={k === 'heldOn' ? 'date' : 'number'} inputMode={k === 'heldOn' ? undefined : 'numeric'} min={k === 'heldOn' ? undefined : '0'}
                    label={t(`receptionFields.${k}`)} error={err(`receptions.${i}.${k}`)} />
                ))}
              </div>
              <button type="button" onClick={() => receptions.remove(i)} className="text-sm text-red-800 underline">{t('removeReception', { n: i + 1 })}</button>
            </div>
          ))}
          <button type="button" onClick={() => receptions.append({ heldOn: form.getValues('heldOn'), citizensReceived: '', issuesVoiced: '', issuesResolved: '', issuesInExecution: '' })}
            className="rounded border border-neutral-500 bg-white px-3 py-1.5 text-sm font-medium">{t('addReception')}</button>
        </fieldset>
      ) : null}

      {mode === 'create' ? (
        <fieldset className="space-y-4">
          <legend><h2 className="text-lg font-semibold">{t('sections.issues')}</h2></legend>
          <p className="text-sm text-neutral-700">{t('hints.issues')}</p>
          {issues.fields.map((f, i) => (
            <div key={f.id} className="space-y-3 rounded border border-neutral-300 bg-white p-4" data-testid={`issue-${i}`}>
              <h3 className="font-medium">{t('issue', { n: i + 1 })}</h3>
              <div className="grid gap-3 sm:grid-cols-2">
                <Select field={register(`issues.${i}.categoryCode`)} label={t('issueFields.categoryCode')} options={options.categories} emptyLabel={t('choose')} error={err(`issues.${i}.categoryCode`)} />
                <Select field={register(`issues.${i}.responsibleLevel`)} label={t('issueFields.responsibleLevel')} options={options.responsibleLevels} error={err(`issues.${i}.responsibleLevel`)} />
              </div>
              <TextArea field={register(`issues.${i}.description`)} label={t('issueFields.description')} error={err(`issues.${i}.description`)} maxLength={2000} />
              <button type="button" onClick={() => issues.remove(i)} className="text-sm text-red-800 underline">{t('removeIssue', { n: i + 1 })}</button>
            </div>
          ))}
          <button type="button" onClick={() => issues.append({ categoryCode: '', description: '', responsibleLevel: central ? 'CENTRAL' : 'REGION' })}
            className="rounded border border-neutral-500 bg-white px-3 py-1.5 text-sm font-medium">{t('addIssue')}</button>
        </fieldset>
      ) : null}

      <fieldset className="space-y-4">
        <legend><h2 className="text-lg font-semibold">{t('sections.outcomes')}</h2></legend>
        <TextArea field={register('outcomes')} label={t('fields.outcomes')} error={err('outcomes')} rows={4} maxLength={4000} />
      </fieldset>

      <div className="flex items-center gap-4">
        <SaveButton f={f} label={mode === 'create' ? t('create') : t('save')} pendingLabel={t('saving')} />
        <Link href={meeting ? `/meetings/${meeting.id}` : '/meetings'} className="text-sky-kz-dark underline">{t('cancel')}</Link>
      </div>
    </form>
  );
}
