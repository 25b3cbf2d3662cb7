'use client';

import { useTranslations } from 'next-intl';
import { type Choice, Input, Select } from '@/components/forms/form-kit';
import { type EntryAction, FormNotices, SaveButton, useVersionedForm, type VersionedRecord } from '@/components/forms/versioned-form';
import { ErrorSummary } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { createScheduleEntryAction, deleteScheduleEntryAction, updateScheduleEntryAction } from '../actions';
import { createScheduleEntrySchema, updateScheduleEntrySchema } from '../schemas';

// A ministry's schedule entries, new or changed, in the data-entry forms' pattern
// (versioned-form): field errors beside fields, what was typed kept on failure, and a save on
// a stale version shows what changed meanwhile.

export type ScheduleValues = { officialId: string; regionKato: string; year: string; half: string; plannedMonth: string };

const COMPARED = ['officialId', 'regionKato', 'year', 'half', 'plannedMonth'] as const;
const EMPTY: ScheduleValues = { officialId: '', regionKato: '', year: '', half: '', plannedMonth: '' };

/** A planned trip of one of the body's officials to a region: a new one, or a change of `entry`. */
export function ScheduleEntryForm({ entry, officials, regions }: { entry?: VersionedRecord<ScheduleValues>; officials: Choice[]; regions: Choice[] }) {
  const t = useTranslations('entry.schedule');
  const labels: Record<string, string> = { year: t('year'), half: t('half'), plannedMonth: t('month'), officialId: t('official'), regionKato: t('region') };
  const label = (field: string) => labels[field] ?? field;
  const f = useVersionedForm({
    schema: entry ? updateScheduleEntrySchema : createScheduleEntrySchema, idPrefix: entry ? `s${entry.id}` : undefined, record: entry, compare: COMPARED,
    action: (entry ? updateScheduleEntryAction : createScheduleEntryAction) as EntryAction, defaults: entry ? entry.values : EMPTY,
  });
  return (
    <form onSubmit={f.submit} noValidate className="max-w-xl space-y-3" data-testid={entry ? `schedule-form-${entry.id}` : 'schedule-form'}>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('conflictTitle')} savedText={entry ? t('changed') : t('saved')} />
      <Select id={f.id('officialId')} field={f.form.register('officialId')} label={label('officialId')} options={officials} emptyLabel={t('choose')} error={f.err('officialId')} />
      <Select id={f.id('regionKato')} field={f.form.register('regionKato')} label={label('regionKato')} options={regions} emptyLabel={t('choose')} error={f.err('regionKato')} />
      <div className="flex flex-wrap gap-3">
        <Input id={f.id('year')} field={f.form.register('year')} type="number" inputMode="numeric" label={label('year')} error={f.err('year')} className="max-w-28" />
        <Input id={f.id('half')} field={f.form.register('half')} type="number" inputMode="numeric" min="1" max="2" label={label('half')} error={f.err('half')} className="max-w-20" />
        <Input id={f.id('plannedMonth')} field={f.form.register('plannedMonth')} type="number" inputMode="numeric" min="1" max="12" label={label('plannedMonth')} error={f.err('plannedMonth')} className="max-w-20" />
      </div>
      <SaveButton f={f} label={entry ? t('save') : t('add')} pendingLabel={t('saving')} />
    </form>
  );
}

export function DeleteScheduleEntry({ id, version, label }: { id: number; version: number; label: string }) {
  const t = useTranslations('entry.schedule');
  const form = useFormAction(deleteScheduleEntryAction);
  return (
    <form action={form.formAction} className="space-y-2" aria-label={label}>
      {form.state.status === 'error' ? <ErrorSummary title={t('errorTitle')} message={form.fields ? Object.values(form.fields).join(' ') : form.state.message} labels={{}} /> : null}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={form.pending} className="text-sm text-red-800 underline">{t('remove')}</button>
    </form>
  );
}
