import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { regionOptions } from '@/server/records/options';
import { DetailList } from '@/components/ui/detail-list';
import { mayWriteRegionPlans, ownPlansRegion } from '@/server/access/scopes/action-plan';
import type { Caller } from '@/server/auth/caller';
import { isoDayOf } from '@/lib/calendar';
import { listRegionPlans } from '../queries';
import { ActionPlanForm } from './plan-forms';
import { PageHeader } from '@/components/ui/page-header';

const iso = (d: Date | null) => (d ? isoDayOf(d) : '');

/**
 * An akimat's action plans (admins: any region's); a unit editor only reads its region's.
 * `requests` is the budget requests' section, which the page composes in below the plans.
 */
export async function PlansPage({ caller, requests }: { caller: Caller; requests: ReactNode }) {
  const regionId = ownPlansRegion(caller);
  const writable = mayWriteRegionPlans(caller);
  const [t, plans, regions] = await Promise.all([
    getTranslations('entry.plans'),
    regionId ? listRegionPlans(regionId) : [],
    regionId ? undefined : regionOptions(),
  ]);
  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} lead={t('subtitle')} />
      {writable ? null : <p className="rounded border border-neutral-300 bg-neutral-50 p-3">{t('readOnlyUnit')}</p>}
      <section className="space-y-3" aria-labelledby="plans">
        <h2 id="plans" className="text-lg font-semibold">{t('plansTitle')}</h2>
        {!writable && plans.length === 0 ? <EmptyState title={t('noPlans')} /> : null}
        <div className="grid gap-4 lg:grid-cols-2">
          {plans.map((p) => {
            const values = { approvedOn: iso(p.approvedOn), url: p.url ?? '', publishedOn: iso(p.publishedOn) };
            if (!writable) {
              return (
                <div key={p.id} className="rounded border border-neutral-300 bg-white p-3">
                  <h3 className="font-medium">{t('planLabel', { year: p.year, half: p.half })}</h3>
                  <DetailList items={[
                    { term: t('approvedOn'), value: values.approvedOn },
                    { term: t('url'), value: values.url },
                    { term: t('publishedOn'), value: values.publishedOn },
                  ]} />
                </div>
              );
            }
            // Keyed by the plan alone, so a newer version read after a refused save keeps what was typed.
            return <ActionPlanForm key={p.id} plan={{ id: p.id, version: p.version, year: p.year, half: p.half, values, display: values }} />;
          })}
          {writable ? <ActionPlanForm regions={regions} /> : null}
        </div>
      </section>
      {requests}
    </div>
  );
}
