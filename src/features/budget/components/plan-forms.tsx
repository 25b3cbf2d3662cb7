'use client';

import { useTranslations } from 'next-intl';
import { ErrorSummary, SelectField, SubmitButton, SuccessNote, TextField, type Option } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { saveActionPlanAction } from '@/features/action-plans/actions';
import { createBudgetRequestAction } from '../actions';

// An akimat's action plan for a half-year and its budget requests, in the established form
// pattern (server action, field errors beside fields, what was typed kept on failure).

export function ActionPlanForm({ plan, regions }: { plan?: { year: number; half: number; version: number; approvedOn: string; url: string; publishedOn: string }; regions?: Option[] }) {
  const t = useTranslations('entry.plans');
  const form = useFormAction(saveActionPlanAction);
  const p = plan ? `p${plan.year}${plan.half}-` : 'new-';
  const labels = { regionKato: t('region'), year: t('year'), half: t('half'), approvedOn: t('approvedOn'), url: t('url'), publishedOn: t('publishedOn') };
  return (
    <form action={form.formAction} noValidate className="space-y-3 rounded border border-neutral-300 bg-white p-4" aria-label={plan ? t('planLabel', { year: plan.year, half: plan.half }) : t('newPlan')}>
      <h3 className="font-medium">{plan ? t('planLabel', { year: plan.year, half: plan.half }) : t('newPlan')}</h3>
      {form.state.status === 'error' ? <ErrorSummary title={t('errorTitle')} message={form.state.message} fields={form.fields} labels={labels} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('saved')}</SuccessNote> : null}
      {plan ? (
        <>
          <input type="hidden" name="year" value={plan.year} />
          <input type="hidden" name="half" value={plan.half} />
          <input type="hidden" name="version" value={plan.version} />
        </>
      ) : (
        <div className="flex flex-wrap gap-3">
          {regions ? <SelectField id={`${p}regionKato`} name="regionKato" label={labels.regionKato} options={regions} emptyLabel={t('choose')} defaultValue={form.value('regionKato')} error={form.error('regionKato')} /> : null}
          <TextField id={`${p}year`} name="year" type="number" inputMode="numeric" label={labels.year} defaultValue={form.value('year')} error={form.error('year')} className="max-w-28" />
          <TextField id={`${p}half`} name="half" type="number" inputMode="numeric" min={1} max={2} label={labels.half} defaultValue={form.value('half')} error={form.error('half')} className="max-w-20" />
        </div>
      )}
      <TextField id={`${p}approvedOn`} name="approvedOn" type="date" label={labels.approvedOn} defaultValue={form.value('approvedOn', plan?.approvedOn)} error={form.error('approvedOn')} />
      <TextField id={`${p}url`} name="url" label={labels.url} hint={t('urlHint')} defaultValue={form.value('url', plan?.url)} error={form.error('url')} maxLength={500} />
      <TextField id={`${p}publishedOn`} name="publishedOn" type="date" label={labels.publishedOn} defaultValue={form.value('publishedOn', plan?.publishedOn)} error={form.error('publishedOn')} />
      <SubmitButton pending={form.pending} label={t('save')} pendingLabel={t('saving')} />
    </form>
  );
}

export function BudgetRequestForm({ bodies, statuses, regions }: { bodies: Option[]; statuses: Option[]; regions?: Option[] }) {
  const t = useTranslations('entry.plans');
  const form = useFormAction(createBudgetRequestAction);
  const labels = { regionKato: t('region'), centralBodyCode: t('body'), amountKzt: t('amount'), status: t('status'), submittedOn: t('submittedOn'), decidedOn: t('decidedOn'), issueIds: t('issueIds'), note: t('note') };
  return (
    <form action={form.formAction} noValidate className="max-w-xl space-y-3" data-testid="budget-request-form">
      {form.state.status === 'error' ? <ErrorSummary title={t('errorTitle')} message={form.state.message} fields={form.fields} labels={labels} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('requestSaved')}</SuccessNote> : null}
      {regions ? <SelectField id="regionKato" label={labels.regionKato} options={regions} emptyLabel={t('choose')} defaultValue={form.value('regionKato')} error={form.error('regionKato')} /> : null}
      <SelectField id="centralBodyCode" label={labels.centralBodyCode} options={bodies} emptyLabel={t('choose')} defaultValue={form.value('centralBodyCode')} error={form.error('centralBodyCode')} />
      <TextField id="amountKzt" type="number" inputMode="numeric" min={0} label={labels.amountKzt} defaultValue={form.value('amountKzt')} error={form.error('amountKzt')} />
      <SelectField id="status" label={labels.status} options={statuses} defaultValue={form.value('status', 'DRAFT')} error={form.error('status')} />
      <TextField id="submittedOn" type="date" label={labels.submittedOn} defaultValue={form.value('submittedOn')} error={form.error('submittedOn')} />
      <TextField id="decidedOn" type="date" label={labels.decidedOn} defaultValue={form.value('decidedOn')} error={form.error('decidedOn')} />
      <TextField id="issueIds" label={labels.issueIds} hint={t('issueIdsHint')} defaultValue={form.value('issueIds')} error={form.error('issueIds')} />
      <TextField id="note" label={labels.note} defaultValue={form.value('note')} error={form.error('note')} maxLength={2000} />
      <SubmitButton pending={form.pending} label={t('createRequest')} pendingLabel={t('saving')} />
    </form>
  );
}
