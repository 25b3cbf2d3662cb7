'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ErrorSummary, FieldShell, SelectField, SubmitButton, TextField, describedBy, inputClass, type Option } from '@/components/ui/form-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { createOfficial } from '../actions';

export type OfficialOptions = {
  positions: Option[];
  /** Value: KATO code. */
  regions: Option[];
  /** Value: body code. */
  bodies: Option[];
  /** Districts, cities and rural districts; `region` is their region's KATO code. */
  units: Array<Option & { region: string }>;
  /** Which place each position ties the official to (PLACE_OF_POSITION). */
  placeOfPosition: Record<string, 'region' | 'unit' | 'body'>;
};

// Until a position is chosen (and always without JS) every place field shows; the server
// ignores those the position does not need and refuses a unit outside the region.
export function OfficialForm({ options }: { options: OfficialOptions }) {
  const t = useTranslations('admin');
  const router = useRouter();
  const form = useFormAction(createOfficial);
  const [position, setPosition] = useState(form.value('position'));
  const [region, setRegion] = useState(form.value('regionKato'));
  const createdId = form.state.status === 'ok' ? (form.state.data as { id: number } | undefined)?.id : undefined;
  useEffect(() => {
    if (createdId) router.push('/admin/reference?tab=officials');
  }, [createdId, router]);
  const place = options.placeOfPosition[position];
  const labels = {
    fullName: t('referenceForm.fullName'), position: t('referenceForm.position'), centralBodyCode: t('referenceForm.centralBody'),
    regionKato: t('referenceForm.region'), unitId: t('referenceForm.unit'),
  };
  // With a region chosen the list narrows to its units; otherwise it is grouped by region.
  const groups = options.regions
    .filter((r) => !region || r.value === region)
    .map((r) => ({ region: r, units: options.units.filter((u) => u.region === r.value) }))
    .filter((g) => g.units.length > 0);
  const unitError = form.error('unitId');
  const unitHint = t('referenceForm.unitHint');
  return (
    <form action={form.formAction} noValidate className="max-w-xl space-y-5">
      {form.state.status === 'error' ? <ErrorSummary title={t('common.errorSummaryTitle')} message={form.state.message} fields={form.fields} labels={labels} /> : null}
      <TextField id="fullName" label={labels.fullName} maxLength={200} defaultValue={form.value('fullName')} error={form.error('fullName')} />
      <SelectField id="position" label={labels.position} hint={t('referenceForm.positionHint')} options={options.positions}
        defaultValue={form.value('position')} emptyLabel={t('referenceForm.choosePosition')} error={form.error('position')} onChange={setPosition} />
      {!place || place === 'body' ? (
        <SelectField id="centralBodyCode" label={labels.centralBodyCode} hint={t('referenceForm.centralBodyHint')} options={options.bodies}
          defaultValue={form.value('centralBodyCode')} emptyLabel={t('referenceForm.chooseBody')} error={form.error('centralBodyCode')} />
      ) : null}
      {!place || place !== 'body' ? (
        <SelectField id="regionKato" label={labels.regionKato} hint={t('referenceForm.regionHint')} options={options.regions}
          defaultValue={form.value('regionKato')} emptyLabel={t('referenceForm.chooseRegion')} error={form.error('regionKato')} onChange={setRegion} />
      ) : null}
      {!place || place === 'unit' ? (
        <FieldShell id="unitId" label={labels.unitId} hint={unitHint} error={unitError}>
          <select key={region} id="unitId" name="unitId" defaultValue={form.value('unitId')} aria-invalid={unitError ? true : undefined}
            aria-describedby={describedBy('unitId', unitHint, unitError)} className={`${inputClass(unitError)} bg-white`}>
            <option value="">{t('referenceForm.chooseUnit')}</option>
            {groups.map((g) => (
              <optgroup key={g.region.value} label={g.region.label}>
                {g.units.map((u) => <option key={u.value} value={u.value}>{u.label}</option>)}
              </optgroup>
            ))}
          </select>
        </FieldShell>
      ) : null}
      <div className="flex items-center gap-4">
        <SubmitButton pending={form.pending} label={t('referenceForm.create')} pendingLabel={t('common.saving')} />
        <Link href="/admin/reference?tab=officials" className="text-sky-kz-dark underline">{t('common.cancel')}</Link>
      </div>
    </form>
  );
}
