import { getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable } from '@/components/ui/data-table';
import { EmptyState } from '@/components/ui/empty-state';
import { formatLocalDate, formatLocalDateTime } from '@/i18n/format-time';
import type { TokenRow } from '../queries';
import { RevokeTokenButton } from './revoke-token-button';

export async function TokensTable({ tokens, now }: { tokens: TokenRow[]; now: Date }) {
  const [t, locale] = await Promise.all([getTranslations('admin.tokens'), getLocale()]);
  if (tokens.length === 0) return <EmptyState title={t('emptyTitle')}><p>{t('empty')}</p></EmptyState>;
  return (
    <DataTable
      caption={t('title')}
      head={[
        { label: t('columns.name') }, { label: t('columns.scope') }, { label: t('columns.prefix') }, { label: t('columns.created'), numeric: true },
        { label: t('columns.expires'), numeric: true }, { label: t('columns.lastUsed'), numeric: true }, { label: t('columns.status') }, { label: t('columns.actions') },
      ]}
    >
      {tokens.map((k) => {
        const status = k.revokedAt ? 'revoked' : k.expiresAt <= now ? 'expired' : 'active';
        return (
          <tr key={k.id}>
            <Cell>{k.name}</Cell>
            <Cell>{t(`scopes.${k.scope}`)}</Cell>
            <Cell><code className="font-mono">{k.prefix}…</code></Cell>
            <Cell numeric>{formatLocalDate(locale, k.createdAt)}</Cell>
            <Cell numeric>{formatLocalDate(locale, k.expiresAt)}</Cell>
            <Cell numeric>{k.lastUsedAt ? formatLocalDateTime(locale, k.lastUsedAt) : null}</Cell>
            <Cell>{t(`status.${status}`)}</Cell>
            <Cell>{status === 'active' ? <RevokeTokenButton tokenId={k.id} name={k.name} /> : null}</Cell>
          </tr>
        );
      })}
    </DataTable>
  );
}
