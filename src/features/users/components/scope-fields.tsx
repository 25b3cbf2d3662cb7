'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { SelectField, type Option } from '@/components/ui/form-fields';

// Role and, depending on it, the region (and district) or central body the user works in.

export type ScopeOptions = {
  roles: Option[];
  /** Value: KATO code. */
  regions: Option[];
  /** Districts and cities; `region` is the KATO code of their region. */
  units: Array<Option & { region: string }>;
  /** Value: body code. */
  bodies: Option[];
  /** Which scope each role needs. */
  scopeOfRole: Record<string, 'region' | 'body' | undefined>;
};

type Props = {
  options: ScopeOptions;
  value: (name: string, fallback?: string | number | null) => string;
  error: (name: string) => string | undefined;
  initial: { role?: string; regionKato?: string | null; unitId?: number | null; centralBodyCode?: string | null };
};

export function ScopeFields({ options, value, error, initial }: Props) {
  const t = useTranslations('admin.userForm');
  const [role, setRole] = useState(value('role', initial.role));
  const [region, setRegion] = useState(value('regionKato', initial.regionKato));
  const needs = options.scopeOfRole[role];
  const units = options.units.filter((u) => u.region === region);
  return (
    <>
      <SelectField id="role" label={t('role')} hint={t('roleHint')} options={options.roles} defaultValue={value('role', initial.role)}
        emptyLabel={t('chooseRole')} error={error('role')} onChange={setRole} />
      {needs === 'region' ? (
        <>
          <SelectField id="regionKato" label={t('region')} options={options.regions} defaultValue={value('regionKato', initial.regionKato)}
            emptyLabel={t('chooseRegion')} error={error('regionKato')} onChange={setRegion} />
          <SelectField key={region} id="unitId" label={t('unit')} hint={t('unitHint')} options={units}
            defaultValue={value('unitId', initial.unitId)} emptyLabel={t('unitAll')} error={error('unitId')} />
        </>
      ) : null}
      {needs === 'body' ? (
        <SelectField id="centralBodyCode" label={t('body')} options={options.bodies} defaultValue={value('centralBodyCode', initial.centralBodyCode)}
          emptyLabel={t('chooseBody')} error={error('centralBodyCode')} />
      ) : null}
    </>
  );
}
