'use client';

import { useTranslations } from 'next-intl';
import { type Choice, Input, Select, TextArea } from '@/features/entry/components/form-kit';
import { type EntryAction, FormNotices, SaveButton, useVersionedForm, type VersionedRecord } from '@/features/entry/components/versioned-form';
import { saveActionPlanAction } from '@/features/action-plans/actions';
import { saveActionPlanSchema } from '@/features/action-plans/entry-schemas';
import { createBudgetRequestAction, updateBudgetRequestAction } from '../actions';
import { createBudgetRequestSchema, updateBudgetRequestSchema } from '../schemas';

// An akimat's action plan for a half-year and its budget requests, new or changed, in the
// data-entry forms' pattern (versioned-form): field errors beside fields, what was typed kept
// on failure, and a save on a stale version shows what changed meanwhile.

function useLabels() {
  const t = useTranslations('entry.plans');
  const fields: Record<string, string> = {
    regionKato: t('region'), year: t('year'), half: t('half'), approvedOn: t('approvedOn'), url: t('url'), publishedOn: t('publishedOn'),
    centralBodyCode: t('body'), amountKzt: t('amount'), status: t('status'), submittedOn: t('submittedOn'), decidedOn: t('decidedOn'),
    issueIds: t('issueIds'), note: t('note'),
  };
  return (field: string) => fields[field] ?? field;
}

export type PlanValues = { approvedOn: string; url: string; publishedOn: string };
export type EditablePlan = VersionedRecord<PlanValues> & { year: number; half: number };

const PLAN_COMPARED = ['approvedOn', 'url', 'publishedOn'] as const;

export function ActionPlanForm({ plan, regions }: { plan?: EditablePlan; regions?: Choice[] }) {
  const t = useTranslations('entry.plans');
  const label = useLabels();
  const f = useVersionedForm({
    schema: saveActionPlanSchema, idPrefix: plan ? `p${plan.year}${plan.half}` : 'new', record: plan, compare: PLAN_COMPARED,
    action: saveActionPlanAction as EntryAction,
    defaults: plan
      ? { ...plan.values, regionKato: '', year: String(plan.year), half: String(plan.half) }
      : { approvedOn: '', url: '', publishedOn: '', regionKato: '', year: '', half: '' },
  });
  const title = plan ? t('planLabel', { year: plan.year, half: plan.half }) : t('newPlan');
  return (
    <form onSubmit={f.submit} noValidate className="space-y-3 rounded border border-neutral-300 bg-white p-4" aria-label={title} data-testid={plan ? `plan-form-${plan.year}-${plan.half}` : 'plan-form-new'}>
      <h3 className="font-medium">{title}</h3>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} savedText={t('saved')} />
      {plan ? null : (
        <div className="flex flex-wrap gap-3">
          {regions ? <Select id={f.id('regionKato')} field={f.form.register('regionKato')} label={label('regionKato')} options={regions} emptyLabel={t('choose')} error={f.err('regionKato')} /> : null}
          <Input id={f.id('year')} field={f.form.register('year')} type="number" inputMode="numeric" label={label('year')} error={f.err('year')} className="max-w-28" />
          <Input id={f.id('half')} field={f.form.register('half')} type="number" inputMode="numeric" min="1" max="2" label={label('half')} error={f.err('half')} className="max-w-20" />
        </div>
      )}
      <Input id={f.id('approvedOn')} field={f.form.register('approvedOn')} type="date" label={label('approvedOn')} error={f.err('approvedOn')} className="max-w-48" />
      <Input id={f.id('url')} field={f.form.register('url')} label={label('url')} hint={t('urlHint')} error={f.err('url')} maxLength={500} />
      <Input id={f.id('publishedOn')} field={f.form.register('publishedOn')} type="date" label={label('publishedOn')} error={f.err('publishedOn')} className="max-w-48" />
      <SaveButton f={f} label={t('save')} pendingLabel={t('saving')} />
    </form>
  );
}

export type RequestValues = { centralBodyCode: string; amountKzt: string; status: string; submittedOn: string; decidedOn: string; issueIds: string; note: string };

const REQUEST_COMPARED = ['centralBodyCode', 'amountKzt', 'status', 'submittedOn', 'decidedOn', 'issueIds', 'note'] as const;
const EMPTY_REQUEST: RequestValues = { centralBodyCode: '', amountKzt: '', status: 'DRAFT', submittedOn: '', decidedOn: '', issueIds: '', note: '' };

/** A new budget request, or a change of one (`request`). Admins name the region of a new one. */
export function BudgetRequestForm({ request, bodies, statuses, regions }: { request?: VersionedRecord<RequestValues>; bodies: Choice[]; statuses: Choice[]; regions?: Choice[] }) {
  const t = useTranslations('entry.plans');
  const label = useLabels();
  const f = useVersionedForm({
    schema: request ? updateBudgetRequestSchema : createBudgetRequestSchema, idPrefix: request ? `r${request.id}` : undefined,
    record: request, compare: REQUEST_COMPARED, action: (request ? updateBudgetRequestAction : createBudgetRequestAction) as EntryAction,
    defaults: request ? { ...request.values, regionKato: '' } : { ...EMPTY_REQUEST, regionKato: '' },
  });
  return (
    <form onSubmit={f.submit} noValidate className="max-w-xl space-y-3" data-testid={request ? `budget-request-form-${request.id}` : 'budget-request-form'}>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('requestConflict')} savedText={t('requestSaved')} />
      {regions && !request ? <Select id={f.id('regionKato')} field={f.form.register('regionKato')} label={label('regionKato')} options={regions} emptyLabel={t('choose')} error={f.err('regionKato')} /> : null}
      <Select id={f.id('centralBodyCode')} field={f.form.register('centralBodyCode')} label={label('centralBodyCode')} options={bodies} emptyLabel={t('choose')} error={f.err('centralBodyCode')} />
      <Input id={f.id('amountKzt')} field={f.form.register('amountKzt')} type="number" inputMode="numeric" min="0" label={label('amountKzt')} error={f.err('amountKzt')} />
      <Select id={f.id('status')} field={f.form.register('status')} label={label('status')} options={statuses} error={f.err('status')} />
      <div className="flex flex-wrap gap-3">
        <Input id={f.id('submittedOn')} field={f.form.register('submittedOn')} type="date" label={label('submittedOn')} error={f.err('submittedOn')} className="max-w-48" />
        <Input id={f.id('decidedOn')} field={f.form.register('decidedOn')} type="date" label={label('decidedOn')} error={f.err('decidedOn')} className="max-w-48" />
      </div>
      <Input id={f.id('issueIds')} field={f.form.register('issueIds')} label={label('issueIds')} hint={t('issueIdsHint')} error={f.err('issueIds')} />
      <TextArea id={f.id('note')} field={f.form.register('note')} label={label('note')} error={f.err('note')} maxLength={2000} rows={2} />
      <SaveButton f={f} label={request ? t('saveRequest') : t('createRequest')} pendingLabel={t('saving')} />
    </form>
  );
}
