'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary, SubmitButton, SuccessNote, TextField } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { setSubmissionDeadline, submitHalfYear } from '../actions';

export function SubmitHalfYearForm({ period, periodLabel }: { period: string; periodLabel: string }) {
  const t = useTranslations('submissions');
  const form = useFormAction(submitHalfYear);
  return (
    <form action={form.formAction} noValidate className="space-y-3">
      {form.state.status === 'error' ? <ErrorSummary title={t('errorSummaryTitle')} message={form.state.message} fields={form.fields} labels={{ period: t('period') }} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('submitted', { period: periodLabel })}</SuccessNote> : null}
      <input type="hidden" name="period" value={period} />
      <SubmitButton pending={form.pending} label={t('submit', { period: periodLabel })} pendingLabel={t('submitting')} />
    </form>
  );
}

export function DeadlineForm({ period, deadline }: { period: string; deadline: string | null }) {
  const t = useTranslations('submissions');
  const form = useFormAction(setSubmissionDeadline);
  return (
    <form action={form.formAction} noValidate className="max-w-md space-y-3">
      {form.state.status === 'error' ? <ErrorSummary title={t('errorSummaryTitle')} message={form.state.message} fields={form.fields} labels={{ deadline: t('deadlineLabel') }} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('deadlineSaved')}</SuccessNote> : null}
      <input type="hidden" name="period" value={period} />
      <TextField id="deadline" type="date" label={t('deadlineLabel')} hint={t('deadlineHint')} defaultValue={form.value('deadline', deadline)} error={form.error('deadline')} className="max-w-48" />
      <SubmitButton pending={form.pending} label={t('saveDeadline')} pendingLabel={t('submitting')} />
    </form>
  );
}
