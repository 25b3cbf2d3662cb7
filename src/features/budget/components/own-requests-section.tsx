import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { mayWriteRegionPlans, ownPlansRegion } from '@/server/access/scopes/action-plan';
import type { Caller } from '@/server/auth/caller';
import { bodyOptions, regionOptions } from '@/server/records/options';
import { todayInKazakhstan } from '@/lib/calendar';
import { listOwnRequests } from '../queries';
import { OwnRequest } from './own-request';
import { DraftRequestForm } from './request-forms';

/** An akimat's own budget requests, and a new draft when it may write (on /entry/plans). */
export async function OwnRequestsSection({ caller }: { caller: Caller }) {
  const writable = mayWriteRegionPlans(caller);
  const [t, bodies, requests, regions] = await Promise.all([
    getTranslations('entry.plans'), bodyOptions(), listOwnRequests(caller),
    ownPlansRegion(caller) ? undefined : regionOptions(),
  ]);
  const today = todayInKazakhstan();
  return (
    <section className="space-y-3" aria-labelledby="requests">
      <h2 id="requests" className="text-lg font-semibold">{t('requestsTitle')}</h2>
      {requests.length === 0 ? <EmptyState title={t('noRequests')} /> : (
        <ul className="space-y-2">
          {requests.map((r) => <li key={r.id}><OwnRequest request={r} bodies={bodies} today={today} writable={writable} /></li>)}
        </ul>
      )}
      {writable ? (
        <>
          <h3 className="font-medium">{t('newRequest')}</h3>
          <DraftRequestForm bodies={bodies} regions={regions} />
        </>
      ) : null}
    </section>
  );
}
