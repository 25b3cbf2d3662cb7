'use client';

import { useTranslations } from 'next-intl';
import { type Choice, Input, Select } from '@/components/forms/form-kit';
import { type EntryAction, FormNotices, SaveButton, useVersionedForm, type VersionedRecord } from '@/components/forms/versioned-form';
import { saveActionPlanAction } from '@/features/action-plans/actions';
import { saveActionPlanSchema } from '@/server/records/action-plans/schemas';

// An akimat's action plan for a half-year, new or changed, in the
// data-entry forms' pattern (versioned-form): field errors beside fields, what was typed kept
// on failure, and a save on a stale version shows what changed meanwhile.

function useLabels() {
  const t = useTranslations('entry.plans');
  const fields: Record<string, string> = {
    regionKato: t('region'), year: t('year'), half: t('half'), approvedOn: t('approvedOn'), url: t('url'), publishedOn: t('publishedOn'),
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
