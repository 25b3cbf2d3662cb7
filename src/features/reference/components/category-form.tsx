'use client';

import Link from 'next/link';
import { useEffect } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { CheckboxField, ErrorSummary, SubmitButton, SuccessNote, TextField } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { createIssueCategory, updateIssueCategory } from '../actions';

type Category = { id: number; code: string; nameRu: string; nameKk: string; nameEn: string; sortOrder: number; active: boolean };

export function CategoryForm({ category }: { category?: Category }) {
  const t = useTranslations('admin');
  const router = useRouter();
  const form = useFormAction(category ? updateIssueCategory : createIssueCategory);
  const createdId = !category && form.state.status === 'ok' ? (form.state.data as { id: number } | undefined)?.id : undefined;
  useEffect(() => {
    if (createdId) router.push('/admin/reference?tab=categories');
  }, [createdId, router]);
  const labels = {
    code: t('referenceForm.code'), nameRu: t('referenceForm.nameRu'), nameKk: t('referenceForm.nameKk'), nameEn: t('referenceForm.nameEn'),
    sortOrder: t('referenceForm.sortOrder'), active: t('referenceForm.active'),
  };
  return (
    <form action={form.formAction} noValidate className="max-w-xl space-y-5">
      {form.state.status === 'error' ? <ErrorSummary title={t('common.errorSummaryTitle')} message={form.state.message} fields={form.fields} labels={labels} /> : null}
      {category && form.state.status === 'ok' ? <SuccessNote>{t('referenceForm.saved')}</SuccessNote> : null}
      {category ? <input type="hidden" name="id" value={category.id} /> : null}
      <TextField id="code" label={labels.code} hint={t('referenceForm.codeHint')} maxLength={40} defaultValue={form.value('code', category?.code)} error={form.error('code')} />
      <TextField id="nameRu" label={labels.nameRu} defaultValue={form.value('nameRu', category?.nameRu)} error={form.error('nameRu')} />
      <TextField id="nameKk" label={labels.nameKk} defaultValue={form.value('nameKk', category?.nameKk)} error={form.error('nameKk')} />
      <TextField id="nameEn" label={labels.nameEn} defaultValue={form.value('nameEn', category?.nameEn)} error={form.error('nameEn')} />
      <TextField id="sortOrder" type="number" inputMode="numeric" min={0} max={9999} label={labels.sortOrder} hint={t('referenceForm.sortOrderHint')}
        defaultValue={form.value('sortOrder', category?.sortOrder ?? 0)} error={form.error('sortOrder')} className="max-w-32" />
      <CheckboxField id="active" label={labels.active} hint={t('referenceForm.activeHint')} defaultChecked={form.checked('active', category?.active ?? true)} error={form.error('active')} />
      <div className="flex items-center gap-4">
        <SubmitButton pending={form.pending} label={category ? t('common.save') : t('referenceForm.create')} pendingLabel={t('common.saving')} />
        <Link href="/admin/reference?tab=categories" className="text-sky-kz-dark underline">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
