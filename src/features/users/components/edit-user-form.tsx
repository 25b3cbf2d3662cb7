'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField, ErrorSummary, SubmitButton, SuccessNote, TextField } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { updateUser } from '../actions';
import { ScopeFields, type ScopeOptions } from './scope-fields';

export type EditableUser = {
  id: number;
  version: number;
  fullName: string;
  role: string;
  regionKato: string | null;
  unitId: number | null;
  centralBodyCode: string | null;
  active: boolean;
};

export function EditUserForm({ options, user }: { options: ScopeOptions; user: EditableUser }) {
  const t = useTranslations('admin');
  const form = useFormAction(updateUser);
  const labels = {
    fullName: t('userForm.fullName'), role: t('userForm.role'), regionKato: t('userForm.region'), unitId: t('userForm.unit'),
    centralBodyCode: t('userForm.body'), active: t('userForm.active'),
  };
  return (
    // The version changes with every save, so the form starts afresh from the saved user.
    <form key={user.version} action={form.formAction} noValidate className="max-w-xl space-y-5">
      {form.state.status === 'error' ? (
        <ErrorSummary title={t('common.errorSummaryTitle')} message={form.state.message} fields={form.fields} labels={labels} />
      ) : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('userPage.saved')}</SuccessNote> : null}
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <TextField id="fullName" label={labels.fullName} autoComplete="off" defaultValue={form.value('fullName', user.fullName)} error={form.error('fullName')} />
      <ScopeFields options={options} value={form.value} error={form.error} initial={user} />
      <CheckboxField id="active" label={labels.active} hint={t('userForm.activeHint')} defaultChecked={form.checked('active', user.active)} error={form.error('active')} />
      <p className="text-sm text-neutral-700">{t('userPage.versionNote')}</p>
      <SubmitButton pending={form.pending} label={t('common.save')} pendingLabel={t('common.saving')} />
    </form>
  );
}
