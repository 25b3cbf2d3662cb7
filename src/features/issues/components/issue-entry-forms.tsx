'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ErrorSummary } from '@/components/ui/form-fields';
import { type Choice, Input, Select, TextArea } from '@/components/forms/form-kit';
import { type EntryAction, FormNotices, SaveButton, useVersionedForm, type VersionedRecord } from '@/components/forms/versioned-form';
import { addMoneyEntryAction, changeIssueStatusAction, deleteIssueAction, updateIssueAction } from '../actions';
import { moneyEntrySchema, statusChangeSchema, updateIssueSchema } from '@/server/records/issues/schemas';

// The issue page's data entry: a change of its category, description and responsible level; a
// status change (effective date, comment); a money entry. Each is validated in the browser and
// on the server by the same schema and carries the version the page was read at; when someone
// saved the issue meanwhile the form lists what they changed and keeps what was typed, so it
// can be applied again.

export type IssueForEntry = {
  id: number; version: number; status: string; statusLabel: string; raisedOn: string;
  categoryCode: string; categoryLabel: string; description: string; responsibleLevel: string; responsibleLabel: string;
};

type IssueValues = { status: string; categoryCode: string; description: string; responsibleLevel: string };

/** The issue as the forms compare it: values and how each reads. */
const asRecord = (issue: IssueForEntry): VersionedRecord<IssueValues> => ({
  id: issue.id,
  version: issue.version,
  values: { status: issue.status, categoryCode: issue.categoryCode, description: issue.description, responsibleLevel: issue.responsibleLevel },
  display: { status: issue.statusLabel, categoryCode: issue.categoryLabel, description: issue.description, responsibleLevel: issue.responsibleLabel },
});

const COMPARED = ['status', 'categoryCode', 'description', 'responsibleLevel'] as const;

function useIssueLabels() {
  const t = useTranslations('entry.issueForms');
  const fields: Record<string, string> = {
    status: t('status'), categoryCode: t('categoryCode'), description: t('description'), responsibleLevel: t('responsibleLevel'),
    toStatus: t('toStatus'), effectiveOn: t('effectiveOn'), comment: t('comment'), version: t('version'),
    source: t('source'), kind: t('kind'), amountKzt: t('amountKzt'), note: t('note'),
  };
  return (field: string) => fields[field] ?? field;
}

export function IssueEditForm({ issue, categories, responsibleLevels }: { issue: IssueForEntry; categories: Choice[]; responsibleLevels: Choice[] }) {
  const t = useTranslations('entry.issueForms');
  const label = useIssueLabels();
  const record = asRecord(issue);
  const f = useVersionedForm({
    schema: updateIssueSchema, idPrefix: 'edit', record, compare: COMPARED, shareKey: `issue-${issue.id}`, action: updateIssueAction as EntryAction,
    defaults: { categoryCode: issue.categoryCode, description: issue.description, responsibleLevel: issue.responsibleLevel },
  });
  return (
    <form onSubmit={f.submit} noValidate className="space-y-4" data-testid="issue-edit-form">
      <h3 className="text-lg font-semibold">{t('editTitle')}</h3>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('conflict.title')} savedText={t('editSaved')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Select id={f.id('categoryCode')} field={f.form.register('categoryCode')} label={label('categoryCode')} options={categories} error={f.err('categoryCode')} />
        <Select id={f.id('responsibleLevel')} field={f.form.register('responsibleLevel')} label={label('responsibleLevel')} options={responsibleLevels} error={f.err('responsibleLevel')} />
      </div>
      <TextArea id={f.id('description')} field={f.form.register('description')} label={label('description')} error={f.err('description')} maxLength={2000} />
      <SaveButton f={f} label={t('editSubmit')} pendingLabel={t('saving')} />
    </form>
  );
}

export function StatusChangeForm({ issue, statuses }: { issue: IssueForEntry; statuses: Choice[] }) {
  const t = useTranslations('entry.issueForms');
  const label = useIssueLabels();
  const f = useVersionedForm({
    schema: statusChangeSchema, idPrefix: 'status', record: asRecord(issue), compare: COMPARED, shareKey: `issue-${issue.id}`, keepAfterSave: false, action: changeIssueStatusAction as EntryAction,
    defaults: { toStatus: statuses[0]?.value ?? '', effectiveOn: '', comment: '' },
  });
  return (
    <form onSubmit={f.submit} noValidate className="space-y-4" data-testid="status-form">
      <h3 className="text-lg font-semibold">{t('statusTitle')}</h3>
      <p className="text-sm text-neutral-700">{t('statusNow', { status: issue.statusLabel })}</p>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('conflict.title')} savedText={t('statusSaved')} />
      {statuses.length === 0 ? <p>{t('noTransitions')}</p> : (
        <>
          <Select id={f.id('toStatus')} field={f.form.register('toStatus')} label={label('toStatus')} options={statuses} error={f.err('toStatus')} />
          <Input id={f.id('effectiveOn')} field={f.form.register('effectiveOn')} type="date" label={label('effectiveOn')} hint={t('effectiveOnHint', { raisedOn: issue.raisedOn })} error={f.err('effectiveOn')} className="max-w-48" />
          <TextArea id={f.id('comment')} field={f.form.register('comment')} label={label('comment')} hint={t('commentHint')} error={f.err('comment')} maxLength={2000} />
          <SaveButton f={f} label={t('statusSubmit')} pendingLabel={t('saving')} />
        </>
      )}
    </form>
  );
}

export function MoneyEntryForm({ issue, sources, kinds }: { issue: IssueForEntry; sources: Choice[]; kinds: Choice[] }) {
  const t = useTranslations('entry.issueForms');
  const label = useIssueLabels();
  const f = useVersionedForm({
    schema: moneyEntrySchema, idPrefix: 'money', record: asRecord(issue), compare: COMPARED, shareKey: `issue-${issue.id}`, keepAfterSave: false, action: addMoneyEntryAction as EntryAction,
    defaults: { source: 'LOCAL', kind: 'NEED', amountKzt: '', effectiveOn: '', note: '' },
  });
  return (
    <form onSubmit={f.submit} noValidate className="space-y-4" data-testid="money-form">
      <h3 className="text-lg font-semibold">{t('moneyTitle')}</h3>
      <FormNotices f={f} label={(field) => (field === 'effectiveOn' ? t('moneyOn') : label(field))} errorTitle={t('errorTitle')} conflictTitle={t('conflict.title')} savedText={t('moneySaved')} />
      <div className="grid gap-3 sm:grid-cols-2">
        <Select id={f.id('source')} field={f.form.register('source')} label={label('source')} options={sources} error={f.err('source')} />
        <Select id={f.id('kind')} field={f.form.register('kind')} label={label('kind')} options={kinds} error={f.err('kind')} />
        <Input id={f.id('amountKzt')} field={f.form.register('amountKzt')} type="number" inputMode="numeric" min="0" label={label('amountKzt')} hint={t('amountHint')} error={f.err('amountKzt')} />
        <Input id={f.id('effectiveOn')} field={f.form.register('effectiveOn')} type="date" label={t('moneyOn')} error={f.err('effectiveOn')} />
      </div>
      <Input id={f.id('note')} field={f.form.register('note')} label={label('note')} error={f.err('note')} maxLength={500} />
      <SaveButton f={f} label={t('moneySubmit')} pendingLabel={t('saving')} />
    </form>
  );
}

export function DeleteIssueButton({ issue }: { issue: IssueForEntry }) {
  const t = useTranslations('entry.issueForms');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  return (
    <div className="space-y-2">
      {error ? <ErrorSummary title={t('errorTitle')} message={error} labels={{}} /> : null}
      <button type="button" disabled={pending} className="rounded bg-red-800 px-4 py-2 font-medium text-white disabled:opacity-60"
        onClick={async () => {
          setPending(true);
          const r = await deleteIssueAction(undefined, { id: issue.id, version: issue.version });
          setPending(false);
          if (r.status === 'ok') router.push('/issues');
          else if (r.status === 'error') setError(r.fields ? Object.values(r.fields).join(' ') : r.message);
        }}>
        {t('delete')}
      </button>
    </div>
  );
}
