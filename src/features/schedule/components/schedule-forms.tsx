'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary, SelectField, SubmitButton, SuccessNote, TextField, type Option } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { createScheduleEntryAction, deleteScheduleEntryAction } from '../actions';

/** A planned trip of one of the body's officials to a region. */
export function ScheduleEntryForm({ officials, regions }: { officials: Option[]; regions: Option[] }) {
  const t = useTranslations('entry.schedule');
  const form = useFormAction(createScheduleEntryAction);
  const labels = { year: t('year'), half: t('half'), plannedMonth: t('month'), officialId: t('official'), regionKato: t('region') };
  return (
    <form action={form.formAction} noValidate className="max-w-xl space-y-3" data-testid="schedule-form">
      {form.state.status === 'error' ? <ErrorSummary title={t('errorTitle')} message={form.state.message} fields={form.fields} labels={labels} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('saved')}</SuccessNote> : null}
      <SelectField id="officialId" label={labels.officialId} options={officials} emptyLabel={t('choose')} defaultValue={form.value('officialId')} error={form.error('officialId')} />
      <SelectField id="regionKato" label={labels.regionKato} options={regions} emptyLabel={t('choose')} defaultValue={form.value('regionKato')} error={form.error('regionKato')} />
      <div className="flex flex-wrap gap-3">
        <TextField id="year" type="number" inputMode="numeric" label={labels.year} defaultValue={form.value('year')} error={form.error('year')} className="max-w-28" />
        <TextField id="half" type="number" inputMode="numeric" min={1} max={2} label={labels.half} defaultValue={form.value('half')} error={form.error('half')} className="max-w-20" />
        <TextField id="plannedMonth" type="number" inputMode="numeric" min={1} max={12} label={labels.plannedMonth} defaultValue={form.value('plannedMonth')} error={form.error('plannedMonth')} className="max-w-20" />
      </div>
      <SubmitButton pending={form.pending} label={t('add')} pendingLabel={t('saving')} />
    </form>
  );
}

export function DeleteScheduleEntry({ id, version, label }: { id: number; version: number; label: string }) {
  const t = useTranslations('entry.schedule');
  const form = useFormAction(deleteScheduleEntryAction);
  return (
    <form action={form.formAction} className="inline" aria-label={label}>
      {form.state.status === 'error' ? <span role="alert" className="text-sm text-red-800">{form.fields ? Object.values(form.fields).join(' ') : form.state.message} </span> : null}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <button type="submit" disabled={form.pending} className="text-sm text-red-800 underline">{t('remove')}</button>
    </form>
  );
}
