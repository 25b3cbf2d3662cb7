'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { ErrorSummary, SubmitButton } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { deleteMeetingAction } from '../actions';

/** Soft deletion of a meeting with its issues; an admin can restore it on /admin/restore. */
export function DeleteMeetingForm({ id, version }: { id: number; version: number }) {
  const t = useTranslations('entry.meetingForm');
  const router = useRouter();
  const form = useFormAction(deleteMeetingAction, { refresh: false });
  const ok = form.state.status === 'ok';
  useEffect(() => {
    if (ok) router.push('/meetings');
  }, [ok, router]);
  return (
    <form action={form.formAction} className="space-y-3">
      {form.state.status === 'error' ? <ErrorSummary title={t('errorTitle')} message={form.state.message} fields={form.fields} labels={{ heldOn: t('fields.heldOn') }} /> : null}
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <SubmitButton pending={form.pending} label={t('delete')} pendingLabel={t('saving')} tone="danger" />
    </form>
  );
}
