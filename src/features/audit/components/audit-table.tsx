import { getLocale, getTranslations } from 'next-intl/server';
import { Cell, DataTable } from '@/components/ui/data-table';
import { formatLocalDateTime, formatUtc } from '@/i18n/format-time';
import { isAuditAction, isAuditEntity } from '@/server/audit-codes';
import type { AuditRow } from '../queries';

const json = (value: unknown) => JSON.stringify(value, null, 2);

export async function AuditTable({ rows }: { rows: AuditRow[] }) {
  const [t, locale] = await Promise.all([getTranslations('admin.audit'), getLocale()]);
  return (
    <DataTable
      caption={t('title')}
      head={[
        { label: t('columns.when') }, { label: t('columns.who') }, { label: t('columns.action') }, { label: t('columns.entity') },
        { label: t('columns.entityId'), numeric: true }, { label: t('columns.changes') },
      ]}
    >
      {rows.map((r) => (
        <tr key={r.id}>
          <Cell className="whitespace-nowrap">
            <time dateTime={r.at.toISOString()} className="tabular block">{formatLocalDateTime(locale, r.at)}</time>
            <span className="tabular block text-xs text-neutral-600">{formatUtc(r.at)}</span>
          </Cell>
          <Cell>
            {r.user ? (
              <>
                <span className="block font-medium">{r.user.username}</span>
                <span className="block text-xs text-neutral-600">{r.user.fullName}</span>
              </>
            ) : (
              <span className="text-neutral-600">{t('nobody')}</span>
            )}
            {r.ip ? <span className="tabular block text-xs text-neutral-500">{r.ip}</span> : null}
          </Cell>
          <Cell>
            {/* A code only an older version wrote has no label: the code alone shows. */}
            {isAuditAction(r.action) ? <span className="block">{t(`actions.${r.action}`)}</span> : null}
            <code className="text-xs text-neutral-600">{r.action}</code>
          </Cell>
          <Cell>{isAuditEntity(r.entity) ? t(`entities.${r.entity}`) : r.entity}</Cell>
          <Cell numeric>{r.entityId}</Cell>
          <Cell>
            {r.before !== null || r.after !== null ? (
              <details>
                <summary className="cursor-pointer text-sky-kz-dark underline">{t('showChanges')}</summary>
                <div className="mt-2 grid gap-2 md:grid-cols-2">
                  <div>
                    <p className="text-xs font-semibold">{t('before')}</p>
                    <pre tabIndex={0} className="max-w-md overflow-auto rounded bg-neutral-100 p-2 text-xs">{r.before === null ? '—' : json(r.before)}</pre>
                  </div>
                  <div>
                    <p className="text-xs font-semibold">{t('after')}</p>
                    <pre tabIndex={0} className="max-w-md overflow-auto rounded bg-neutral-100 p-2 text-xs">{r.after === null ? '—' : json(r.after)}</pre>
                  </div>
                </div>
              </details>
            ) : null}
          </Cell>
        </tr>
      ))}
    </DataTable>
  );
}
