'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ErrorSummary, SubmitButton, TextField } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { createUser } from '../actions';
import { ScopeFields, type ScopeOptions } from './scope-fields';

export function CreateUserForm({ options }: { options: ScopeOptions }) {
  const t = useTranslations('admin');
  const router = useRouter();
  const form = useFormAction(createUser, { secretFields: ['password', 'passwordConfirm'], refresh: false });
  const createdId = form.state.status === 'ok' ? form.state.data?.id : undefined;
  useEffect(() => {
    if (createdId) router.push(`/admin/users/${createdId}?created=1`);
  }, [createdId, router]);

  const labels = {
    username: t('userForm.username'), fullName: t('userForm.fullName'), role: t('userForm.role'), regionKato: t('userForm.region'),
    unitId: t('userForm.unit'), centralBodyCode: t('userForm.body'), password: t('userForm.password'), passwordConfirm: t('userForm.passwordConfirm'),
  };
  return (
    <form action={form.formAction} noValidate className="max-w-xl space-y-5">
      {form.state.status === 'error' ? (
        <ErrorSummary title={t('common.errorSummaryTitle')} message={form.state.message} fields={form.fields} labels={labels} />
      ) : null}
      <TextField id="username" label={labels.username} hint={t('userForm.usernameHint')} autoComplete="off" maxLength={64}
        defaultValue={form.value('username')} error={form.error('username')} />
      <TextField id="fullName" label={labels.fullName} autoComplete="off" defaultValue={form.value('fullName')} error={form.error('fullName')} />
      <ScopeFields options={options} value={form.value} error={form.error} initial={{}} />
      <TextField id="password" type="password" label={labels.password} hint={t('userForm.passwordHint')} autoComplete="new-password"
        error={form.error('password')} />
      <TextField id="passwordConfirm" type="password" label={labels.passwordConfirm} autoComplete="new-password" error={form.error('passwordConfirm')} />
      <div className="flex items-center gap-4">
        <SubmitButton pending={form.pending} label={t('userForm.create')} pendingLabel={t('common.saving')} />
        <Link href="/admin/users" className="text-sky-kz-dark underline">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
