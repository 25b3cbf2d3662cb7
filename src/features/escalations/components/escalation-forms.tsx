'use client';

import { useTranslations } from 'next-intl';
import { CheckboxField, ErrorSummary, SelectField, SubmitButton, SuccessNote, TextField, type Option } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { decideEscalationAction, proposeEscalationAction } from '../actions';

// The central-level list on an issue's page: an akimat puts the issue on a half-year's list;
// the addressed body sets the disposition and `selected`. Both keep what was typed on failure.

export function ProposeEscalationForm({ issueId, bodies, year, half }: { issueId: number; bodies: Option[]; year: number; half: number }) {
  const t = useTranslations('entry.escalationForms');
  const form = useFormAction(proposeEscalationAction);
  const labels = { year: t('year'), half: t('half'), centralBodyCode: t('body'), proposal: t('proposal'), issueId: t('issue') };
  return (
    <form action={form.formAction} noValidate className="space-y-3" data-testid="propose-form">
      <h3 className="text-lg font-semibold">{t('proposeTitle')}</h3>
      {form.state.status === 'error' ? <ErrorSummary title={t('errorTitle')} message={form.state.message} fields={form.fields} labels={labels} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('proposed')}</SuccessNote> : null}
      <input type="hidden" name="issueId" value={issueId} />
      <div className="flex flex-wrap gap-3">
        <TextField id="year" type="number" inputMode="numeric" label={labels.year} defaultValue={form.value('year', year)} error={form.error('year')} className="max-w-28" />
        <TextField id="half" type="number" inputMode="numeric" min={1} max={2} label={labels.half} defaultValue={form.value('half', half)} error={form.error('half')} className="max-w-20" />
      </div>
      <SelectField id="centralBodyCode" label={labels.centralBodyCode} options={bodies} emptyLabel={t('choose')} defaultValue={form.value('centralBodyCode')} error={form.error('centralBodyCode')} />
      <TextField id="proposal" label={labels.proposal} defaultValue={form.value('proposal')} error={form.error('proposal')} maxLength={2000} />
      <SubmitButton pending={form.pending} label={t('propose')} pendingLabel={t('saving')} />
    </form>
  );
}

export function DecideEscalationForm({ escalation, dispositions }: { escalation: { id: number; version: number; label: string; disposition: string | null; amount: string | null; selected: boolean }; dispositions: Option[] }) {
  const t = useTranslations('entry.escalationForms');
  const form = useFormAction(decideEscalationAction);
  const p = `e${escalation.id}`;
  const labels = { disposition: t('disposition'), republicanAmountKzt: t('amount'), selected: t('selected'), effectiveOn: t('effectiveOn'), comment: t('comment') };
  return (
    <form action={form.formAction} noValidate className="space-y-3 rounded border border-neutral-300 bg-white p-4" aria-label={escalation.label}>
      <h4 className="font-medium">{escalation.label}</h4>
      {form.state.status === 'error' ? <ErrorSummary title={t('errorTitle')} message={form.state.message} fields={form.fields} labels={labels} /> : null}
      {form.state.status === 'ok' ? <SuccessNote>{t('decided')}</SuccessNote> : null}
      <input type="hidden" name="id" value={escalation.id} />
      <input type="hidden" name="version" value={escalation.version} />
      <SelectField id={`${p}-disposition`} name="disposition" label={labels.disposition} options={dispositions} emptyLabel={t('choose')} defaultValue={form.value('disposition', escalation.disposition)} error={form.error('disposition')} />
      <TextField id={`${p}-amount`} name="republicanAmountKzt" type="number" inputMode="numeric" min={0} label={labels.republicanAmountKzt} defaultValue={form.value('republicanAmountKzt', escalation.amount)} error={form.error('republicanAmountKzt')} />
      <CheckboxField id={`${p}-selected`} name="selected" label={labels.selected} defaultChecked={form.checked('selected', escalation.selected)} />
      <TextField id={`${p}-effectiveOn`} name="effectiveOn" type="date" label={labels.effectiveOn} defaultValue={form.value('effectiveOn')} error={form.error('effectiveOn')} />
      <TextField id={`${p}-comment`} name="comment" label={labels.comment} defaultValue={form.value('comment')} error={form.error('comment')} maxLength={2000} />
      <SubmitButton pending={form.pending} label={t('decide')} pendingLabel={t('saving')} />
    </form>
  );
}
