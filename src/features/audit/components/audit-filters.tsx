import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { isAuditAction, isAuditEntity } from '@/server/audit-codes';
import type { AuditFilter } from '../schemas';

// A plain GET form: the filters live in the URL, so a view can be shared and bookmarked.
export async function AuditFilters({ filter, actions, entities }: { filter: AuditFilter; actions: string[]; entities: string[] }) {
  const t = await getTranslations('admin.audit');
  const field = 'flex max-w-full flex-col gap-1 text-sm';
  const input = 'max-w-full rounded border border-neutral-400 bg-white px-2 py-1.5';
  return (
    <form method="get" action="/admin/audit" className="flex flex-wrap items-end gap-3 rounded-lg border border-neutral-200 bg-white p-4">
      <div className={field}>
        <label htmlFor="f-action" className="font-medium">{t('filters.action')}</label>
        <select id="f-action" name="action" defaultValue={filter.action ?? ''} className={input}>
          <option value="">{t('filters.any')}</option>
          {actions.map((a) => <option key={a} value={a}>{isAuditAction(a) ? `${t(`actions.${a}`)} (${a})` : a}</option>)}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="f-username" className="font-medium">{t('filters.username')}</label>
        <input id="f-username" name="username" defaultValue={filter.username ?? ''} autoComplete="off" spellCheck={false} className={input} />
      </div>
      <div className={field}>
        <label htmlFor="f-entity" className="font-medium">{t('filters.entity')}</label>
        <select id="f-entity" name="entity" defaultValue={filter.entity ?? ''} className={input}>
          <option value="">{t('filters.any')}</option>
          {entities.map((e) => <option key={e} value={e}>{isAuditEntity(e) ? t(`entities.${e}`) : e}</option>)}
        </select>
      </div>
      <div className={field}>
        <label htmlFor="f-from" className="font-medium">{t('filters.from')}</label>
        <input id="f-from" name="from" type="date" defaultValue={filter.from ?? ''} className={input} />
      </div>
      <div className={field}>
        <label htmlFor="f-to" className="font-medium">{t('filters.to')}</label>
        <input id="f-to" name="to" type="date" defaultValue={filter.to ?? ''} className={input} />
      </div>
      <button type="submit" className="rounded bg-sky-kz-dark px-4 py-1.5 font-medium text-white">{t('filters.apply')}</button>
      <Link href="/admin/audit" className="py-1.5 text-sm text-sky-kz-dark underline">{t('filters.reset')}</Link>
    </form>
  );
}
