'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary, SubmitButton, SuccessNote, TextField } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { closePeriod, reopenPeriod } from '../actions';

/** Reopen one closed half-year, with the reason. */
export function ReopenPeriodForm({ year, half }: { year: number; half: number }) {
  const t = useTranslations('entry.periods');
  const form = useFormAction(reopenPeriod);
  const id = `reason-${year}-${half}`;
  return (
    <form action={form.formAction} noValidate className="space-y-2" aria-label={t('reopenLabel', { period: `${year}-H${half}` })}>
      {form.state.status === 'error' ? <ErrorSummary title={t('errorTitle')} message={form.state.message} fields={form.fields ? { [id]: form.fields.reason ?? form.fields.half ?? '' } : undefined} labels={{ [id]: t('reason') }} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('reopened')}</SuccessNote> : null}
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="half" value={half} />
      <TextField id={id} name="reason" label={t('reason')} hint={t('reasonHint')} defaultValue={form.value('reason')} error={form.error('reason')} maxLength={1000} />
      <SubmitButton pending={form.pending} label={t('reopen')} pendingLabel={t('saving')} tone="danger" />
    </form>
  );
}

/** Close a half-year by hand (the briefing closes it too). */
export function ClosePeriodForm() {
  const t = useTranslations('entry.periods');
  const form = useFormAction(closePeriod);
  const labels = { year: t('year'), half: t('half') };
  return (
    <form action={form.formAction} noValidate className="flex flex-wrap items-end gap-4">
      {form.state.status === 'error' ? <div className="w-full"><ErrorSummary title={t('errorTitle')} message={form.state.message} fields={form.fields} labels={labels} /></div> : null}
      {form.state.status === 'ok' ? <div className="w-full"><SuccessNote>{t('closed')}</SuccessNote></div> : null}
      <TextField id="year" type="number" inputMode="numeric" label={labels.year} defaultValue={form.value('year')} error={form.error('year')} className="max-w-32" />
      <TextField id="half" type="number" inputMode="numeric" min={1} max={2} label={labels.half} defaultValue={form.value('half')} error={form.error('half')} className="max-w-24" />
      <SubmitButton pending={form.pending} label={t('close')} pendingLabel={t('saving')} tone="secondary" />
    </form>
  );
}
