import { getTranslations } from 'next-intl/server';

// Server-side pagination as plain links that keep the other search params.

type Props = { page: number; pageCount: number; path: string; params?: Record<string, string | undefined> };

export async function Pagination({ page, pageCount, path, params = {} }: Props) {
  if (pageCount <= 1) return null;
  const t = await getTranslations('admin.common');
  const href = (p: number) => {
    const q = new URLSearchParams(Object.entries({ ...params, page: p > 1 ? String(p) : undefined }).filter((e): e is [string, string] => Boolean(e[1])));
    const s = q.toString();
    return s ? `${path}?${s}` : path;
  };
  return (
    <nav aria-label={t('pagination')} className="flex items-center gap-4 text-sm">
      {page > 1 ? <a href={href(page - 1)} className="text-sky-kz-dark underline">← {t('previous')}</a> : null}
      <span className="tabular">{t('pageOf', { page, pages: pageCount })}</span>
      {page < pageCount ? <a href={href(page + 1)} className="text-sky-kz-dark underline">{t('next')} →</a> : null}
    </nav>
  );
}
