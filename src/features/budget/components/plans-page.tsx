import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { regionOptions } from '@/features/entry/options';
import { pickName } from '@/i18n/pick-name';
import { DetailList } from '@/components/ui/detail-list';
import { mayWriteRegionPlans, ownPlansRegion } from '@/server/access/scopes/action-plan';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { isoDayOf, todayInKazakhstan } from '@/lib/calendar';
import { listOwnRequests } from '../queries';
import { ActionPlanForm } from './plan-forms';
import { OwnRequest } from './own-request';
import { DraftRequestForm } from './request-forms';
import { PageHeader } from '@/components/ui/page-header';

const iso = (d: Date | null) => (d ? isoDayOf(d) : '');

/** An akimat's action plans and budget requests (admins: any region's); a unit editor only reads its region's. */
export async function PlansPage({ caller }: { caller: Caller }) {
  const regionId = ownPlansRegion(caller);
  const writable = mayWriteRegionPlans(caller);
  const [t, locale, bodies, plans, requests, regions] = await Promise.all([
    getTranslations('entry.plans'), getLocale(),
    db().centralBody.findMany({ orderBy: { nameRu: 'asc' } }),
    regionId ? db().actionPlan.findMany({ where: { regionId }, orderBy: [{ year: 'desc' }, { half: 'desc' }] }) : [],
    listOwnRequests(caller),
    regionId ? undefined : regionOptions(),
  ]);
  const bodyOptions = bodies.map((b) => ({ value: b.code, label: pickName(locale, b) }));
  const today = todayInKazakhstan();
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
      <section className="space-y-3" aria-labelledby="requests">
        <h2 id="requests" className="text-lg font-semibold">{t('requestsTitle')}</h2>
        {requests.length === 0 ? <EmptyState title={t('noRequests')} /> : (
          <ul className="space-y-2">
            {requests.map((r) => <li key={r.id}><OwnRequest request={r} bodies={bodyOptions} today={today} writable={writable} /></li>)}
          </ul>
        )}
        {writable ? (
          <>
            <h3 className="font-medium">{t('newRequest')}</h3>
            <DraftRequestForm bodies={bodyOptions} regions={regions} />
          </>
        ) : null}
      </section>
    </div>
  );
}
