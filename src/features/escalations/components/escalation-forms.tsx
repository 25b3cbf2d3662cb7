'use client';

import { useTranslations } from 'next-intl';
import { Checkbox, type Choice, HiddenFieldError, Input, Select, TextArea } from '@/components/forms/form-kit';
import { type EntryAction, FormNotices, SaveButton, useVersionedForm, type VersionedRecord } from '@/components/forms/versioned-form';
import { decideEscalationAction, proposeEscalationAction } from '../actions';
import { decideEscalationSchema, proposeEscalationSchema } from '../entry-schemas';

// The central-level list on an issue's page: an akimat puts the issue on a half-year's list;
// the addressed body sets the disposition and `selected`. Both are the data-entry forms'
// pattern (versioned-form): field errors beside fields, what was typed kept on failure, and a
// decision made on a stale version shows what changed meanwhile.

function useLabels() {
  const t = useTranslations('entry.escalationForms');
  const fields: Record<string, string> = {
    year: t('year'), half: t('half'), centralBodyCode: t('body'), proposal: t('proposal'), includedOn: t('includedOn'), issueId: t('issue'),
    disposition: t('disposition'), republicanAmountKzt: t('amount'), selected: t('selected'), effectiveOn: t('effectiveOn'), comment: t('comment'),
  };
  return (field: string) => fields[field] ?? field;
}

export function ProposeEscalationForm({ issueId, bodies, year, half }: { issueId: number; bodies: Choice[]; year: number; half: number }) {
  const t = useTranslations('entry.escalationForms');
  const label = useLabels();
  const f = useVersionedForm({
    schema: proposeEscalationSchema, idPrefix: 'propose', action: proposeEscalationAction as EntryAction,
    defaults: { issueId: String(issueId), year: String(year), half: String(half), centralBodyCode: '', proposal: '', includedOn: '' },
  });
  return (
    <form onSubmit={f.submit} noValidate className="space-y-3" data-testid="propose-form">
      <h3 className="text-lg font-semibold">{t('proposeTitle')}</h3>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} savedText={t('proposed')} />
      <div className="flex flex-wrap gap-3">
        <Input id={f.id('year')} field={f.form.register('year')} type="number" inputMode="numeric" label={label('year')} error={f.err('year')} className="max-w-28" />
        <Input id={f.id('half')} field={f.form.register('half')} type="number" inputMode="numeric" min="1" max="2" label={label('half')} error={f.err('half')} className="max-w-20" />
      </div>
      <HiddenFieldError id={f.id('issueId')} error={f.err('issueId')} />
      <Select id={f.id('centralBodyCode')} field={f.form.register('centralBodyCode')} label={label('centralBodyCode')} options={bodies} emptyLabel={t('choose')} error={f.err('centralBodyCode')} />
      <TextArea id={f.id('proposal')} field={f.form.register('proposal')} label={label('proposal')} error={f.err('proposal')} maxLength={2000} />
      <Input id={f.id('includedOn')} field={f.form.register('includedOn')} type="date" label={label('includedOn')} error={f.err('includedOn')} className="max-w-48" />
      <SaveButton f={f} label={t('propose')} pendingLabel={t('saving')} />
    </form>
  );
}

export type EscalationForDecision = {
  id: number; version: number; label: string;
  disposition: string | null; dispositionLabel: string; amount: string | null; amountLabel: string; selected: boolean; selectedLabel: string;
};

type DecisionValues = { disposition: string; republicanAmountKzt: string; selected: boolean };

const COMPARED = ['disposition', 'republicanAmountKzt', 'selected'] as const;

export function DecideEscalationForm({ escalation: e, dispositions }: { escalation: EscalationForDecision; dispositions: Choice[] }) {
  const t = useTranslations('entry.escalationForms');
  const label = useLabels();
  const values: DecisionValues = { disposition: e.disposition ?? '', republicanAmountKzt: e.amount ?? '', selected: e.selected };
  const record: VersionedRecord<DecisionValues> = {
    id: e.id, version: e.version, values,
    display: { disposition: e.dispositionLabel, republicanAmountKzt: e.amountLabel, selected: e.selectedLabel },
  };
  const f = useVersionedForm({
    schema: decideEscalationSchema, idPrefix: `e${e.id}`, record, compare: COMPARED, action: decideEscalationAction as EntryAction,
    defaults: { ...values, effectiveOn: '', comment: '' },
  });
  return (
    <form onSubmit={f.submit} noValidate className="space-y-3 rounded border border-neutral-300 bg-white p-4" aria-label={e.label} data-testid={`decide-form-${e.id}`}>
      <h4 className="font-medium">{e.label}</h4>
      <FormNotices f={f} label={label} errorTitle={t('errorTitle')} conflictTitle={t('conflictTitle')} savedText={t('decided')} />
      <Select id={f.id('disposition')} field={f.form.register('disposition')} label={label('disposition')} options={dispositions} emptyLabel={t('choose')} error={f.err('disposition')} />
      <Input id={f.id('republicanAmountKzt')} field={f.form.register('republicanAmountKzt')} type="number" inputMode="numeric" min="0" label={label('republicanAmountKzt')} error={f.err('republicanAmountKzt')} />
      <Checkbox id={f.id('selected')} field={f.form.register('selected')} label={label('selected')} />
      <Input id={f.id('effectiveOn')} field={f.form.register('effectiveOn')} type="date" label={label('effectiveOn')} error={f.err('effectiveOn')} className="max-w-48" />
      <TextArea id={f.id('comment')} field={f.form.register('comment')} label={label('comment')} error={f.err('comment')} maxLength={2000} />
      <SaveButton f={f} label={t('decide')} pendingLabel={t('saving')} />
    </form>
  );
}
