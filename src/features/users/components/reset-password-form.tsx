'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary, SubmitButton, SuccessNote, TextField } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { resetPassword } from '../actions';

export function ResetPasswordForm({ userId }: { userId: number }) {
  const t = useTranslations('admin');
  const form = useFormAction(resetPassword, { secretFields: ['password', 'passwordConfirm'] });
  const labels = { password: t('userForm.newPassword'), passwordConfirm: t('userForm.passwordConfirm') };
  return (
    <form action={form.formAction} noValidate className="max-w-xl space-y-4">
      {form.state.status === 'error' ? (
        <ErrorSummary title={t('common.errorSummaryTitle')} message={form.state.message} fields={form.fields} labels={labels} />
      ) : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('userPage.passwordDone')}</SuccessNote> : null}
      <input type="hidden" name="id" value={userId} />
      <TextField id="password" type="password" label={labels.password} hint={t('userForm.passwordHint')} autoComplete="new-password" error={form.error('password')} />
      <TextField id="passwordConfirm" type="password" label={labels.passwordConfirm} autoComplete="new-password" error={form.error('passwordConfirm')} />
      <SubmitButton pending={form.pending} label={t('userPage.passwordSubmit')} pendingLabel={t('common.saving')} tone="secondary" />
    </form>
  );
}
