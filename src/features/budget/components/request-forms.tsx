'use client';

import { useTranslations } from 'next-intl';
import { type Choice, Input, Select, TextArea } from '@/components/forms/form-kit';
import { type EntryAction, FormNotices, SaveButton, useVersionedForm, type VersionedRecord } from '@/components/forms/versioned-form';
import { createBudgetRequestAction, decideBudgetRequestAction, submitBudgetRequestAction, updateBudgetRequestAction, withdrawBudgetRequestAction } from '../actions';
import { createBudgetRequestSchema, decideBudgetRequestSchema, submitBudgetRequestSchema, updateBudgetRequestSchema, withdrawBudgetRequestSchema } from '@/server/records/budget/schemas';

// The budget request forms, in the data-entry pattern (versioned-form): the akimat's draft
// (new or changed), its submission and its withdrawal; the addressed body's decision. Field
// errors beside fields, what was typed kept on failure, a stale save shows what changed.

function useLabels() {
  const t = useTranslations('budgetRequests.forms');
  const fields: Record<string, string> = {
    regionKato: t('region'), centralBodyCode: t('body'), amountKzt: t('amount'), issueIds: t('issueIds'), note: t('note'),
    submittedOn: t('submittedOn'), effectiveOn: t('effectiveOn'), reason: t('reason'),
    decision: t('decision'), approvedAmountKzt: t('approvedAmount'), rejectionReason: t('rejectionReason'), comment: t('comment'),
  };
  return (field: string) => fields[field] ?? field;
}

export type DraftValues = { centralBodyCode: string; amountKzt: string; issueIds: string; note: string };
const DRAFT_COMPARED = ['centralBodyCode', 'amountKzt', 'issueIds', 'note'] as const;
const EMPTY_DRAFT: DraftValues = { centralBodyCode: '', amountKzt: '', issueIds: '', note: '' };

/** A new draft, or a change of one (`request`). Admins name the region of a new one. */
export function DraftRequestForm({ request, bodies, regions }: { request?: VersionedRecord<DraftValues>; bodies: Choice[]; regions?: Choice[] }) {
  const t = useTranslations('budgetRequests.forms');
  const label = useLabels();
  const f = useVersionedForm({
    schema: request ? updateBudgetRequestSchema : createBudgetRequestSchema, idPrefix: request ? `r${request.id}` : undefined,
    record: request, compare: DRAFT_COMPARED, action: (request ? updateBudgetRequestAction : createBudgetRequestAction) as EntryAction,
    defaults: request ? { ...request.values, regionKato: '' } : { ...EMPTY_DRAFT, regionKato: '' }, shareKey: request ? `request-${request.id}` : undefined,
  });
  return (
    <form onSubmit={f.submit} noValidate className="max-w-xl space-y-3" aria-label={request ? t('editTitle', { id: request.id }) : t('newTitle')}
      data-testid={request ? `request-draft-form-${request.id}` : 'request-draft-form'}>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('conflictTitle')} savedText={request ? t('saved') : t('created')} />
      {regions && !request ? <Select id={f.id('regionKato')} field={f.form.register('regionKato')} label={label('regionKato')} options={regions} emptyLabel={t('choose')} error={f.err('regionKato')} /> : null}
      <Select id={f.id('centralBodyCode')} field={f.form.register('centralBodyCode')} label={label('centralBodyCode')} options={bodies} emptyLabel={t('choose')} error={f.err('centralBodyCode')} />
      <Input id={f.id('amountKzt')} field={f.form.register('amountKzt')} type="number" inputMode="numeric" min="1" label={label('amountKzt')} error={f.err('amountKzt')} />
      <Input id={f.id('issueIds')} field={f.form.register('issueIds')} label={label('issueIds')} hint={t('issueIdsHint')} error={f.err('issueIds')} />
      <TextArea id={f.id('note')} field={f.form.register('note')} label={label('note')} error={f.err('note')} maxLength={2000} rows={2} />
      <SaveButton f={f} label={request ? t('save') : t('create')} pendingLabel={t('saving')} />
    </form>
  );
}

type Stepped = { id: number; version: number; statusLabel: string };
const stepRecord = (r: Stepped): VersionedRecord<{ status: string }> => ({ id: r.id, version: r.version, values: { status: r.statusLabel }, display: { status: r.statusLabel } });

export function SubmitRequestForm({ request, today }: { request: Stepped; today: string }) {
  const t = useTranslations('budgetRequests.forms');
  const label = useLabels();
  const f = useVersionedForm({
    schema: submitBudgetRequestSchema, idPrefix: `s${request.id}`, record: stepRecord(request), action: submitBudgetRequestAction as EntryAction,
    defaults: { submittedOn: today }, shareKey: `request-${request.id}`,
  });
  const title = t('submitTitle', { id: request.id });
  return (
    <form onSubmit={f.submit} noValidate className="flex flex-wrap items-end gap-3" aria-label={title} data-testid={`request-submit-form-${request.id}`}>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('conflictTitle')} savedText={t('submitted')} />
      <Input id={f.id('submittedOn')} field={f.form.register('submittedOn')} type="date" label={label('submittedOn')} error={f.err('submittedOn')} className="max-w-48" />
      <SaveButton f={f} label={t('submit')} pendingLabel={t('saving')} />
    </form>
  );
}

export function WithdrawRequestForm({ request, today }: { request: Stepped; today: string }) {
  const t = useTranslations('budgetRequests.forms');
  const label = useLabels();
  const f = useVersionedForm({
    schema: withdrawBudgetRequestSchema, idPrefix: `w${request.id}`, record: stepRecord(request), action: withdrawBudgetRequestAction as EntryAction,
    defaults: { effectiveOn: today, reason: '' }, shareKey: `request-${request.id}`,
  });
  const title = t('withdrawTitle', { id: request.id });
  return (
    <form onSubmit={f.submit} noValidate className="max-w-xl space-y-3" aria-label={title} data-testid={`request-withdraw-form-${request.id}`}>
      <h4 className="font-medium">{title}</h4>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('conflictTitle')} savedText={t('withdrawn')} />
      <Input id={f.id('effectiveOn')} field={f.form.register('effectiveOn')} type="date" label={label('effectiveOn')} error={f.err('effectiveOn')} className="max-w-48" />
      <TextArea id={f.id('reason')} field={f.form.register('reason')} label={label('reason')} error={f.err('reason')} maxLength={2000} rows={2} />
      <SaveButton f={f} label={t('withdraw')} pendingLabel={t('saving')} />
    </form>
  );
}

export function DecideRequestForm({ request, decisions, reasons, today }: { request: Stepped; decisions: Choice[]; reasons: Choice[]; today: string }) {
  const t = useTranslations('budgetRequests.forms');
  const label = useLabels();
  const f = useVersionedForm({
    schema: decideBudgetRequestSchema, idPrefix: `d${request.id}`, record: stepRecord(request), compare: ['status'], action: decideBudgetRequestAction as EntryAction,
    defaults: { decision: '', approvedAmountKzt: '', rejectionReason: '', effectiveOn: today, comment: '' }, shareKey: `request-${request.id}`,
  });
  const title = t('decideTitle', { id: request.id });
  return (
    <form onSubmit={f.submit} noValidate className="max-w-xl space-y-3" aria-label={title} data-testid={`request-decide-form-${request.id}`}>
      <h3 className="font-medium">{title}</h3>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('conflictTitle')} savedText={t('decided')} />
      <Select id={f.id('decision')} field={f.form.register('decision')} label={label('decision')} options={decisions} emptyLabel={t('choose')} error={f.err('decision')} />
      <Input id={f.id('approvedAmountKzt')} field={f.form.register('approvedAmountKzt')} type="number" inputMode="numeric" min="1" label={label('approvedAmountKzt')}
        hint={t('approvedAmountHint')} error={f.err('approvedAmountKzt')} />
      <Select id={f.id('rejectionReason')} field={f.form.register('rejectionReason')} label={label('rejectionReason')} options={reasons} emptyLabel={t('choose')} error={f.err('rejectionReason')} />
      <Input id={f.id('effectiveOn')} field={f.form.register('effectiveOn')} type="date" label={label('effectiveOn')} error={f.err('effectiveOn')} className="max-w-48" />
      <TextArea id={f.id('comment')} field={f.form.register('comment')} label={label('comment')} hint={t('commentHint')} error={f.err('comment')} maxLength={2000} rows={2} />
      <SaveButton f={f} label={t('decide')} pendingLabel={t('saving')} />
    </form>
  );
}
