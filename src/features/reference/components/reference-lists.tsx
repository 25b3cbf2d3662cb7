import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { pickName } from '@/i18n/pick-name';
import type { listCentralBodies, listIssueCategories, listOfficials, listUnits } from '../queries';

// The reference lists; each says why it is empty and what to do.

export async function CategoriesTable({ rows }: { rows: Awaited<ReturnType<typeof listIssueCategories>> }) {
  const t = await getTranslations('admin.reference');
  if (rows.length === 0) return <EmptyState title={t('categories.emptyTitle')}><p>{t('categories.empty')}</p></EmptyState>;
  return (
    <DataTable caption={t('categories.title')} head={[
      { label: t('columns.code') }, { label: t('columns.nameRu') }, { label: t('columns.nameKk') }, { label: t('columns.nameEn') },
      { label: t('columns.sortOrder'), numeric: true }, { label: t('columns.active') }, { label: t('columns.issues'), numeric: true },
    ]}>
      {rows.map((c) => (
        <tr key={c.id}>
          <Cell><Link href={`/admin/reference/categories/${c.id}`} className="font-mono text-sky-kz-dark underline">{c.code}</Link></Cell>
          <Cell>{c.nameRu}</Cell>
          <Cell>{c.nameKk}</Cell>
          <Cell>{c.nameEn}</Cell>
          <Cell numeric>{c.sortOrder}</Cell>
          <Cell>{c.active ? t('yes') : `✕ ${t('no')}`}</Cell>
          <Cell numeric>{c._count.issues}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export async function BodiesTable({ rows }: { rows: Awaited<ReturnType<typeof listCentralBodies>> }) {
  const [t, locale] = await Promise.all([getTranslations('admin.reference'), getLocale()]);
  if (rows.length === 0) return <EmptyState title={t('bodies.emptyTitle')}><p>{t('bodies.empty')}</p></EmptyState>;
  return (
    <DataTable caption={t('bodies.title')} head={[
      { label: t('columns.code') }, { label: t('columns.name') }, { label: t('columns.shortRu') }, { label: t('columns.officials'), numeric: true },
    ]}>
      {rows.map((b) => (
        <tr key={b.id}>
          <Cell><Link href={`/admin/reference/bodies/${b.id}`} className="font-mono text-sky-kz-dark underline">{b.code}</Link></Cell>
          <Cell>{pickName(locale, b)}</Cell>
          <Cell>{b.shortRu}</Cell>
          <Cell numeric>{b._count.officials}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export async function OfficialsTable({ rows, filtered }: { rows: Awaited<ReturnType<typeof listOfficials>>['rows']; filtered: boolean }) {
  const [t, tc, locale] = await Promise.all([getTranslations('admin.reference'), getTranslations('codes.position'), getLocale()]);
  if (rows.length === 0) {
    return <EmptyState title={t('officials.emptyTitle')}><p>{filtered ? t('officials.emptyFiltered') : t('officials.empty')}</p></EmptyState>;
  }
  return (
    <DataTable caption={t('officials.title')} head={[{ label: t('columns.fullName') }, { label: t('columns.position') }, { label: t('columns.place') }, { label: t('columns.active') }]}>
      {rows.map((o) => (
        <tr key={o.id}>
          <Cell>{o.fullName}</Cell>
          <Cell>{tc(o.position)}</Cell>
          <Cell>{o.centralBody?.shortRu ?? ([o.region ? pickName(locale, o.region) : null, o.unit ? pickName(locale, o.unit) : null].filter(Boolean).join(' · ') || null)}</Cell>
          <Cell>{o.active ? t('yes') : `✕ ${t('no')}`}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}

export async function UnitsTable({ rows, filtered }: { rows: Awaited<ReturnType<typeof listUnits>>['rows']; filtered: boolean }) {
  const [t, locale] = await Promise.all([getTranslations('admin.reference'), getLocale()]);
  if (rows.length === 0) {
    return <EmptyState title={t('units.emptyTitle')}><p>{filtered ? t('units.emptyFiltered') : t('units.empty')}</p></EmptyState>;
  }
  return (
    <DataTable caption={t('units.title')} head={[{ label: t('columns.code') }, { label: t('columns.name') }, { label: t('columns.kind') }, { label: t('columns.region') }, { label: t('columns.parent') }]}>
      {rows.map((u) => (
        <tr key={u.id}>
          <Cell><span className="font-mono">{u.code}</span></Cell>
          <Cell>{pickName(locale, u)}</Cell>
          <Cell>{t(`unitKind.${u.kind}`)}</Cell>
          <Cell>{pickName(locale, u.region)}</Cell>
          <Cell>{u.parent ? pickName(locale, u.parent) : null}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
