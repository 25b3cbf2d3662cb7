'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary, SubmitButton, SuccessNote } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { resetSecondFactor } from '../actions';

export function ResetSecondFactorForm({ userId, enabled }: { userId: number; enabled: boolean }) {
  const t = useTranslations('admin');
  const form = useFormAction(resetSecondFactor);
  return (
    <form action={form.formAction} className="space-y-3">
      {form.state.status === 'error' ? <ErrorSummary title={t('common.errorSummaryTitle')} message={form.state.message} labels={{}} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('userPage.secondFactorDone')}</SuccessNote> : null}
      <p>{enabled ? t('userPage.secondFactorOn') : t('userPage.secondFactorOff')}</p>
      <p className="text-sm text-neutral-700">{t('userPage.secondFactorHint')}</p>
      <input type="hidden" name="id" value={userId} />
      <SubmitButton pending={form.pending} label={t('userPage.secondFactorSubmit')} pendingLabel={t('common.saving')} tone="danger" />
    </form>
  );
}
