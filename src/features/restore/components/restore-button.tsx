'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary, SubmitButton, SuccessNote } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import type { FormAction } from '@/components/ui/use-form-action';

/** Restores one deleted meeting (with the issues deleted with it) or one deleted issue. */
export function RestoreButton({ action, id, label }: { action: FormAction<{ id: number }>; id: number; label: string }) {
  const t = useTranslations('entry.restore');
  const form = useFormAction(action);
  return (
    <form action={form.formAction} className="space-y-2" aria-label={label}>
      {form.state.status === 'error' ? <ErrorSummary title={t('errorTitle')} message={form.fields ? Object.values(form.fields).join(' ') : form.state.message} labels={{}} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('restored')}</SuccessNote> : null}
      <input type="hidden" name="id" value={id} />
      <SubmitButton pending={form.pending} label={t('restore')} pendingLabel={t('saving')} tone="secondary" />
    </form>
  );
}
