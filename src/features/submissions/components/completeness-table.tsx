import { getTranslations } from 'next-intl/server';
import { SimpleTable } from '@/components/ui/simple-table';
import { formatLocalDateTime } from '@/i18n/format-time';
import type { RegionLine, SubmissionLine, UnitLine } from '../queries';

// One table per kind of submitter; the state is a word and a sign, never colour alone. The
// regions' table also counts their units, which are listed region by region, collapsed.

type Judge = { deadline: string | null; today: string };

async function stateLabel({ deadline, today }: Judge) {
  const t = await getTranslations('submissions');
  return (l: SubmissionLine) => {
    if (l.submittedAt) return deadline && l.submittedAt.slice(0, 10) > deadline ? t('stateLate') : t('stateSubmitted');
    return deadline && today > deadline ? t('stateOverdue') : t('stateMissing');
  };
}

export async function CompletenessTable({ title, lines, deadline, today, locale }: { title: string; lines: Array<SubmissionLine | RegionLine>; deadline: string | null; today: string; locale: string }) {
  const t = await getTranslations('submissions');
  const stateOf = await stateLabel({ deadline, today });
  const done = lines.filter((l) => l.submittedAt).length;
  const withUnits = lines.some((l) => 'units' in l);
  const id = `table-${title.length}-${lines.length}`;
  return (
    <section aria-labelledby={id} className="min-w-0 space-y-2">
      <h2 id={id} className="text-lg font-semibold">{title}</h2>
      <p className="text-sm text-neutral-700 tabular">{t('counts', { done, total: lines.length })}</p>
      <SimpleTable
        label={title}
        head={[
          { label: t('colWho') }, { label: t('colState') }, { label: t('colSubmittedAt') }, { label: t('colBy') },
          ...(withUnits ? [{ label: t('colUnits'), numeric: true }] : []),
        ]}
      >
        {lines.map((l) => (
          <tr key={l.key} className="border-t border-neutral-200" data-testid={`submission-${l.key}`}>
            <th scope="row" className="px-3 py-1.5 text-left font-normal">{l.name}</th>
            <td className={`px-3 py-1.5 ${l.submittedAt ? 'font-medium' : 'text-neutral-800'}`}>{stateOf(l)}</td>
            <td className="px-3 py-1.5 tabular">{l.submittedAt ? formatLocalDateTime(locale, new Date(l.submittedAt)) : '—'}</td>
            <td className="px-3 py-1.5">{l.by ?? '—'}</td>
            {withUnits ? (
              <td className="px-3 py-1.5 text-right tabular">
                {'units' in l && l.units.total > 0 ? <a href={`#units-${l.regionId}`} className="text-sky-kz-dark underline">{t('unitCounts', l.units)}</a> : '—'}
              </td>
            ) : null}
          </tr>
        ))}
      </SimpleTable>
    </section>
  );
}

/** The units' akimats, grouped under their region: one collapsed block per region, open for the reader's own. */
export async function UnitCompleteness({ regions, units, deadline, today, locale, openRegionId }: {
  regions: RegionLine[]; units: UnitLine[]; deadline: string | null; today: string; locale: string; openRegionId: number | null;
}) {
  const t = await getTranslations('submissions');
  const stateOf = await stateLabel({ deadline, today });
  const byRegion = new Map<number, UnitLine[]>();
  for (const u of units) byRegion.set(u.regionId, [...(byRegion.get(u.regionId) ?? []), u]);
  const done = regions.reduce((sum, r) => sum + r.units.done, 0);
  const total = regions.reduce((sum, r) => sum + r.units.total, 0);
  return (
    <section aria-labelledby="units-title" className="min-w-0 space-y-2">
      <h2 id="units-title" className="text-lg font-semibold">{t('unitsTitle')}</h2>
      <p className="max-w-3xl text-sm text-neutral-700">{t('unitsLead')}</p>
      <p className="text-sm text-neutral-700 tabular">{t('counts', { done, total })}</p>
      {total === 0 ? <p className="text-neutral-700">{t('noUnits')}</p> : null}
      <div className="space-y-1">
        {regions.filter((r) => r.units.total > 0).map((r) => (
          <details key={r.key} id={`units-${r.regionId}`} open={r.regionId === openRegionId} className="rounded border border-neutral-200 bg-white" data-testid={`units-${r.key}`}>
            <summary className="cursor-pointer px-3 py-2">
              <span className="font-medium">{r.name}</span> <span className="text-sm text-neutral-700 tabular">{t('unitCounts', r.units)}</span>
            </summary>
            <SimpleTable
              label={r.name}
              className="border-t border-neutral-200"
              head={[{ label: t('colUnit') }, { label: t('colState') }, { label: t('colSubmittedAt') }, { label: t('colBy') }]}
            >
              {(byRegion.get(r.regionId) ?? []).map((u) => (
                <tr key={u.key} className="border-t border-neutral-200" data-testid={`submission-${u.key}`}>
                  <th scope="row" className={`px-3 py-1.5 text-left font-normal ${u.rural ? 'pl-8' : ''}`}>{u.name}</th>
                  <td className={`px-3 py-1.5 ${u.submittedAt ? 'font-medium' : 'text-neutral-800'}`}>{stateOf(u)}</td>
                  <td className="px-3 py-1.5 tabular">{u.submittedAt ? formatLocalDateTime(locale, new Date(u.submittedAt)) : '—'}</td>
                  <td className="px-3 py-1.5">{u.by ?? '—'}</td>
                </tr>
              ))}
            </SimpleTable>
          </details>
        ))}
      </div>
    </section>
  );
}
