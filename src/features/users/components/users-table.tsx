import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { formatLocalDateTime } from '@/i18n/format-time';
import { pickName } from '@/i18n/pick-name';
import type { UserListRow } from '../queries';

export async function scopeLabel(user: Pick<UserListRow, 'region' | 'unit' | 'centralBody'>): Promise<string> {
  const [t, locale] = await Promise.all([getTranslations('admin.users'), getLocale()]);
  if (user.centralBody) return user.centralBody.shortRu;
  if (user.region) return [pickName(locale, user.region), user.unit ? pickName(locale, user.unit) : null].filter(Boolean).join(' · ');
  return t('scopeAll');
}

export async function UsersTable({ rows }: { rows: UserListRow[] }) {
  const [t, tr, locale] = await Promise.all([getTranslations('admin.users'), getTranslations('roles'), getLocale()]);
  if (rows.length === 0) {
    return (
      <EmptyState title={t('emptyTitle')}>
        <p>{t('empty')}</p>
      </EmptyState>
    );
  }
  const scopes = await Promise.all(rows.map(scopeLabel));
  return (
    <DataTable
      caption={t('title')}
      head={[
        { label: t('columns.username') }, { label: t('columns.fullName') }, { label: t('columns.role') }, { label: t('columns.scope') },
        { label: t('columns.active') }, { label: t('columns.secondFactor') }, { label: t('columns.lastSignIn'), numeric: true },
      ]}
    >
      {rows.map((u, i) => (
        <tr key={u.id} className={u.active ? undefined : 'text-neutral-500'}>
          <Cell><Link href={`/admin/users/${u.id}`} className="font-medium text-sky-kz-dark underline">{u.username}</Link></Cell>
          <Cell>{u.fullName}</Cell>
          <Cell>{tr(u.role)}</Cell>
          <Cell>{scopes[i]}</Cell>
          <Cell>{u.active ? t('active') : `✕ ${t('inactive')}`}</Cell>
          <Cell>{u.totpEnabled ? `✓ ${t('secondFactorOn')}` : t('secondFactorOff')}</Cell>
          <Cell numeric>{u.lastSignInAt ? formatLocalDateTime(locale, u.lastSignInAt) : null}</Cell>
        </tr>
      ))}
    </DataTable>
  );
}
