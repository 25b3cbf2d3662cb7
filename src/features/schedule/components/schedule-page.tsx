import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { officialOptions, regionOptions } from '@/server/records/options';
import { pickName } from '@/i18n/pick-name';
import { scheduleEntryWhere } from '@/server/access/scopes/schedule-entry';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { DeleteScheduleEntry, ScheduleEntryForm } from './schedule-forms';
import { PageHeader } from '@/components/ui/page-header';

/** A ministry's schedule of meetings: its officials' planned trips, newest half-year first. */
export async function SchedulePage({ caller }: { caller: Caller }) {
  const where = scheduleEntryWhere(caller);
  const [t, locale, officials, regions, entries] = await Promise.all([
    getTranslations('entry.schedule'), getLocale(), officialOptions(caller, 'CENTRAL'), regionOptions(),
    where === null ? [] : db().scheduleEntry.findMany({
      where,
      orderBy: [{ year: 'desc' }, { half: 'desc' }, { plannedMonth: 'asc' }, { id: 'asc' }],
      take: 100,
      include: { official: true, region: true },
    }),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('subtitle')} />
      <section className="space-y-3" aria-labelledby="entries">
        <h2 id="entries" className="text-lg font-semibold">{t('listTitle')}</h2>
        {entries.length === 0 ? <EmptyState title={t('empty')} /> : (
          <ul className="space-y-2">
            {entries.map((e) => {
              const label = t('entryLabel', { year: e.year, month: e.plannedMonth, official: e.official.fullName, region: pickName(locale, e.region) });
              if (e.meetingId) return <li key={e.id} className="tabular">{label} · {t('held')}</li>;
              const values = { officialId: String(e.officialId), regionKato: e.region.kato, year: String(e.year), half: String(e.half), plannedMonth: String(e.plannedMonth) };
              const display = { ...values, officialId: e.official.fullName, regionKato: pickName(locale, e.region) };
              // An official who has left office stays selectable for the entry that names them.
              const choices = officials.some((o) => o.value === values.officialId) ? officials : [{ value: values.officialId, label: e.official.fullName, group: '' }, ...officials];
              return (
                <li key={e.id}>
                  <details className="rounded border border-neutral-300 bg-white p-3" data-testid={`schedule-entry-${e.id}`}>
                    <summary className="tabular cursor-pointer">{label}</summary>
                    <div className="space-y-3 pt-3">
                      <h3 className="sr-only">{t('editLabel', { entry: label })}</h3>
                      <ScheduleEntryForm entry={{ id: e.id, version: e.version, values, display }} officials={choices} regions={regions} />
                      <DeleteScheduleEntry id={e.id} version={e.version} label={t('removeLabel', { entry: label })} />
                    </div>
                  </details>
                </li>
              );
            })}
          </ul>
        )}
      </section>
      <section className="space-y-3" aria-labelledby="new-entry">
        <h2 id="new-entry" className="text-lg font-semibold">{t('newTitle')}</h2>
        <ScheduleEntryForm officials={officials} regions={regions} />
      </section>
    </div>
  );
}
