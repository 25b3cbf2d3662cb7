import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { BudgetRequestStatus } from '@/generated/prisma/enums';
import { regionOptions } from '@/features/entry/options';
import { pickName } from '@/i18n/pick-name';
import { formatMoneyExact } from '@/lib/format';
import { recordScope } from '@/server/access/scope';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { ActionPlanForm, BudgetRequestForm } from './plan-forms';

const iso = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '');

/** An akimat's action plans and budget requests (admins: any region's). */
export async function PlansPage({ caller }: { caller: Caller }) {
  const scope = recordScope(caller);
  const regionId = scope.kind === 'region' ? scope.regionId : null;
  const [t, locale, bodies, plans, requests, regions] = await Promise.all([
    getTranslations('entry.plans'), getLocale(),
    db().centralBody.findMany({ orderBy: { nameRu: 'asc' } }),
    regionId ? db().actionPlan.findMany({ where: { regionId }, orderBy: [{ year: 'desc' }, { half: 'desc' }] }) : [],
    db().budgetRequest.findMany({ where: regionId ? { regionId } : {}, orderBy: { id: 'desc' }, take: 50, include: { centralBody: true, region: true, _count: { select: { issues: true } } } }),
    regionId ? undefined : regionOptions(),
  ]);
  const statusLabel = (s: string) => t(`requestStatus.${s}`);
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-2xl font-semibold">{t('title')}</h1>
        <p className="text-neutral-700">{t('subtitle')}</p>
      </div>
      <section className="space-y-3" aria-labelledby="plans">
        <h2 id="plans" className="text-lg font-semibold">{t('plansTitle')}</h2>
        <div className="grid gap-4 lg:grid-cols-2">
          {plans.map((p) => (
            <ActionPlanForm key={`${p.id}-${p.version}`} plan={{ year: p.year, half: p.half, version: p.version, approvedOn: iso(p.approvedOn), url: p.url ?? '', publishedOn: iso(p.publishedOn) }} />
          ))}
          <ActionPlanForm regions={regions} />
        </div>
      </section>
      <section className="space-y-3" aria-labelledby="requests">
        <h2 id="requests" className="text-lg font-semibold">{t('requestsTitle')}</h2>
        {requests.length === 0 ? <EmptyState title={t('noRequests')} /> : (
          <ul className="list-disc space-y-1 pl-5">
            {requests.map((r) => (
              <li key={r.id} className="tabular">№ {r.id} · {pickName(locale, r.region)} → {pickName(locale, r.centralBody)} · {formatMoneyExact(locale, Number(r.amountKzt))} · {statusLabel(r.status)} · {t('issuesCount', { count: r._count.issues })}</li>
            ))}
          </ul>
        )}
        <h3 className="font-medium">{t('newRequest')}</h3>
        <BudgetRequestForm bodies={bodies.map((b) => ({ value: b.code, label: pickName(locale, b) }))} regions={regions}
          statuses={Object.values(BudgetRequestStatus).map((s) => ({ value: s, label: statusLabel(s) }))} />
      </section>
    </div>
  );
}
