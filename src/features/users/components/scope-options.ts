import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { Role } from '@/generated/prisma/enums';
import { pickName } from '@/i18n/pick-name';
import { SCOPE_OF_ROLE } from '@/server/access/policy';
import { getScopeOptions } from '../queries';
import type { ScopeOptions } from './scope-fields';

/** The options of the role and scope fields, labelled in the reader's language. */
export async function loadScopeOptions(): Promise<ScopeOptions> {
  const [data, tr, locale] = await Promise.all([getScopeOptions(), getTranslations('roles'), getLocale()]);
  const regionKato = new Map(data.regions.map((r) => [r.id, r.kato]));
  return {
    roles: Object.values(Role).map((r) => ({ value: r, label: tr(r) })),
    regions: data.regions.map((r) => ({ value: r.kato, label: pickName(locale, r) })),
    units: data.units.map((u) => ({ value: String(u.id), label: pickName(locale, u), region: regionKato.get(u.regionId) ?? '' })),
    bodies: data.bodies.map((b) => ({ value: b.code, label: `${pickName(locale, b)} (${b.shortRu})` })),
    scopeOfRole: { ...SCOPE_OF_ROLE },
  };
}
