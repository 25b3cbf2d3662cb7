import { getTranslations } from 'next-intl/server';
import type { SubmissionLine } from '../queries';
import { TableScroll } from '@/components/ui/table-scroll';

// One table per kind of submitter; the state is a word and a sign, never colour alone.

export async function CompletenessTable({ title, lines, deadline, today, locale }: { title: string; lines: SubmissionLine[]; deadline: string | null; today: string; locale: string }) {
  const t = await getTranslations('submissions');
  const done = lines.filter((l) => l.submittedAt).length;
  const time = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : `${locale}-KZ`, { dateStyle: 'short', timeStyle: 'short', timeZone: 'Asia/Almaty' });
  const stateOf = (l: SubmissionLine) => {
    if (l.submittedAt) return deadline && l.submittedAt.slice(0, 10) > deadline ? t('stateLate') : t('stateSubmitted');
    return deadline && today > deadline ? t('stateOverdue') : t('stateMissing');
  };
  const id = `table-${title.length}-${lines.length}`;
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-2">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      <p className="text-sm text-neutral-700 tabular">{t('counts', { done, total: lines.length })}</p>
      <TableScroll label={title} className="rounded border border-neutral-200 bg-white">
        <table className="w-full text-sm">
          <thead className="sticky top-0 bg-neutral-100 text-left">
            <tr>
              <th scope="col" className="px-3 py-2">{t('colWho')}</th>
              <th scope="col" className="px-3 py-2">{t('colState')}</th>
              <th scope="col" className="px-3 py-2">{t('colSubmittedAt')}</th>
              <th scope="col" className="px-3 py-2">{t('colBy')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.key} className="border-t border-neutral-200" data-testid={`submission-${l.key}`}>
                <th scope="row" className="px-3 py-1.5 text-left font-normal">{l.name}</th>
                <td className={`px-3 py-1.5 ${l.submittedAt ? 'font-medium' : 'text-neutral-800'}`}>{stateOf(l)}</td>
                <td className="px-3 py-1.5 tabular">{l.submittedAt ? time.format(new Date(l.submittedAt)) : '—'}</td>
                <td className="px-3 py-1.5">{l.by ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </section>
  );
}
