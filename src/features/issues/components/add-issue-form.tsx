'use client';

import { useTranslations } from 'next-intl';
import { type Choice, HiddenFieldError, Select, TextArea } from '@/components/forms/form-kit';
import { type EntryAction, FormNotices, SaveButton, useVersionedForm } from '@/components/forms/versioned-form';
import { createIssueAction } from '../actions';
import { createIssueSchema } from '@/server/records/issues/schemas';

// An issue raised at a meeting already recorded, from the meeting's page: raised on the
// meeting's date with status RAISED, in the data-entry forms' pattern (versioned-form).

export function AddIssueForm({ meetingId, defaultLevel, categories, responsibleLevels }: { meetingId: number; defaultLevel: string; categories: Choice[]; responsibleLevels: Choice[] }) {
  const t = useTranslations('entry.addIssue');
  const tf = useTranslations('entry.meetingForm');
  const labels: Record<string, string> = { meetingId: t('meeting'), categoryCode: tf('issueFields.categoryCode'), description: tf('issueFields.description'), responsibleLevel: tf('issueFields.responsibleLevel') };
  const label = (field: string) => labels[field] ?? field;
  const f = useVersionedForm({
    schema: createIssueSchema, idPrefix: 'add-issue', action: createIssueAction as EntryAction,
    defaults: { meetingId: String(meetingId), categoryCode: '', description: '', responsibleLevel: defaultLevel },
  });
  return (
    <form onSubmit={f.submit} noValidate className="max-w-3xl space-y-3" data-testid="add-issue-form">
      <p className="text-sm text-neutral-700">{t('hint')}</p>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} savedText={t('saved')} />
      <HiddenFieldError id={f.id('meetingId')} error={f.err('meetingId')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Select id={f.id('categoryCode')} field={f.form.register('categoryCode')} label={label('categoryCode')} options={categories} emptyLabel={tf('choose')} error={f.err('categoryCode')} />
        <Select id={f.id('responsibleLevel')} field={f.form.register('responsibleLevel')} label={label('responsibleLevel')} options={responsibleLevels} error={f.err('responsibleLevel')} />
      </div>
      <TextArea id={f.id('description')} field={f.form.register('description')} label={label('description')} error={f.err('description')} maxLength={2000} />
      <SaveButton f={f} label={t('submit')} pendingLabel={tf('saving')} />
    </form>
  );
}
