'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ErrorSummary, SubmitButton, SuccessNote, TextField } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { createCentralBody, updateCentralBody } from '../actions';

type Body = { id: number; code: string; nameRu: string; nameKk: string; nameEn: string; shortRu: string };

export function BodyForm({ body }: { body?: Body }) {
  const t = useTranslations('admin');
  const router = useRouter();
  const form = useFormAction(body ? updateCentralBody : createCentralBody);
  const createdId = !body && form.state.status === 'ok' ? (form.state.data as { id: number } | undefined)?.id : undefined;
  useEffect(() => {
    if (createdId) router.push('/admin/reference?tab=bodies');
  }, [createdId, router]);
  const labels = {
    code: t('referenceForm.code'), nameRu: t('referenceForm.nameRu'), nameKk: t('referenceForm.nameKk'), nameEn: t('referenceForm.nameEn'),
    shortRu: t('referenceForm.shortRu'),
  };
  return (
    <form action={form.formAction} noValidate className="max-w-xl space-y-5">
      {form.state.status === 'error' ? <ErrorSummary title={t('common.errorSummaryTitle')} message={form.state.message} fields={form.fields} labels={labels} /> : null}
      {body && form.state.status === 'ok' ? <SuccessNote>{t('referenceForm.saved')}</SuccessNote> : null}
      {body ? <input type="hidden" name="id" value={body.id} /> : null}
      <TextField id="code" label={labels.code} hint={t('referenceForm.codeHint')} maxLength={32} defaultValue={form.value('code', body?.code)} error={form.error('code')} />
      <TextField id="nameRu" label={labels.nameRu} defaultValue={form.value('nameRu', body?.nameRu)} error={form.error('nameRu')} />
      <TextField id="nameKk" label={labels.nameKk} defaultValue={form.value('nameKk', body?.nameKk)} error={form.error('nameKk')} />
      <TextField id="nameEn" label={labels.nameEn} defaultValue={form.value('nameEn', body?.nameEn)} error={form.error('nameEn')} />
      <TextField id="shortRu" label={labels.shortRu} hint={t('referenceForm.shortRuHint')} maxLength={60} defaultValue={form.value('shortRu', body?.shortRu)} error={form.error('shortRu')} />
      <div className="flex items-center gap-4">
        <SubmitButton pending={form.pending} label={body ? t('common.save') : t('referenceForm.create')} pendingLabel={t('common.saving')} />
        <Link href="/admin/reference?tab=bodies" className="text-sky-kz-dark underline">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
