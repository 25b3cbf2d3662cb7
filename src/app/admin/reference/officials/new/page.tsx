import { getLocale, getTranslations } from 'next-intl/server';
import { Position } from '@/generated/prisma/enums';
import { OfficialForm } from '@/features/reference/components/official-form';
import { listCentralBodies, listRegions, listUnitOptions } from '@/features/reference/queries';
import { PLACE_OF_POSITION } from '@/features/reference/schemas';
import { pickName } from '@/i18n/pick-name';
import { requirePageCaller } from '@/server/access/guard';
import { PageHeader } from '@/components/ui/page-header';

// GET /admin/reference/officials/new — add an official (akim, minister, vice-minister, committee chair).
export default async function NewOfficialPage() {
  await requirePageCaller('reference.manage');
  const [t, tp, locale, regions, bodies, units] = await Promise.all([
    getTranslations('admin.reference'), getTranslations('codes.position'), getLocale(), listRegions(), listCentralBodies(), listUnitOptions(),
  ]);
  const options = {
    positions: Object.values(Position).map((p) => ({ value: p, label: tp(p) })),
    regions: regions.map((r) => ({ value: r.kato, label: pickName(locale, r) })),
    bodies: bodies.map((b) => ({ value: b.code, label: `${pickName(locale, b)} (${b.shortRu})` })),
    units: units.map((u) => ({ value: String(u.id), label: `${pickName(locale, u)} — ${t(`unitKind.${u.kind}`)}`, region: u.region.kato })),
    placeOfPosition: { ...PLACE_OF_POSITION },
  };
  return (
    <div className="space-y-4">
      <a href="/admin/reference?tab=officials" className="text-sm text-sky-kz-dark underline">← {t('officials.title')}</a>
      <PageHeader title={t('officials.new')} />
      <OfficialForm options={options} />
    </div>
  );
}
