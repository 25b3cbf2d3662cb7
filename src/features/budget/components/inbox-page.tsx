import { getLocale, getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { PageSection } from '@/components/ui/page-section';
import { BudgetRequestRejection } from '@/generated/prisma/enums';
import { todayInKazakhstan } from '@/lib/calendar';
import { formatMoneyExact } from '@/lib/format';
import type { Caller } from '@/server/auth/caller';
import { listInbox } from '../queries';
import { DECISIONS } from '@/server/records/budget/rules';
import { RequestFacts, requestSummary } from './own-request';
import { DecideRequestForm } from './request-forms';

// /entry/requests: a ministry's inbox — the requests addressed to its body that await a
// decision, oldest first, each with the issues it covers and the decision form; then the
// latest decided, whose decision the body may revise.

const daysBetween = (from: Date, to: string) => Math.max(0, Math.round((Date.parse(`${to}T00:00:00Z`) - from.getTime()) / 86_400_000));

export async function InboxPage({ caller }: { caller: Caller }) {
  const locale = await getLocale();
  const [t, td, tr, ts, pending, decided] = await Promise.all([
    getTranslations('budgetRequests'), getTranslations('budgetRequests.decision'), getTranslations('codes.requestRejection'), getTranslations('codes.requestStatus'),
    listInbox(caller, 'pending'), listInbox(caller, 'decided', 30),
  ]);
  const today = todayInKazakhstan();
  const decisions = DECISIONS.map((d) => ({ value: d, label: td(d) }));
  const reasons = Object.values(BudgetRequestRejection).map((r) => ({ value: r, label: tr(r) }));
  const item = async (r: (typeof pending)[number], open: boolean) => (
    <li key={r.id}>
      <details open={open} className="rounded border border-neutral-300 bg-white p-3" data-testid={`inbox-request-${r.id}`}>
        <summary className="tabular cursor-pointer">
          {await requestSummary(r)}
          {r.status === 'SUBMITTED' && r.submittedOn ? <span className="ml-2 text-sm text-neutral-700">· {t('inbox.waiting', { days: daysBetween(r.submittedOn, today) })}</span> : null}
        </summary>
        <div className="space-y-4 pt-3">
          <p className="text-sm">{t('inbox.asked', { amount: formatMoneyExact(locale, Number(r.amountKzt)) })}</p>
          <RequestFacts request={r} />
          <DecideRequestForm request={{ id: r.id, version: r.version, statusLabel: ts(r.status) }} decisions={decisions} reasons={reasons} today={today} />
        </div>
      </details>
    </li>
  );
  return (
    <div className="space-y-8">
      <PageHeader title={t('inbox.title')} lead={t('inbox.subtitle')} />
      <PageSection id="pending" title={t('inbox.title')}>
        {pending.length === 0 ? <EmptyState title={t('inbox.empty')}>{t('inbox.emptyText')}</EmptyState> : (
          <ul className="space-y-2">{await Promise.all(pending.map((r, i) => item(r, i === 0)))}</ul>
        )}
      </PageSection>
      <PageSection id="decided" title={t('inbox.decidedTitle')}>
        {decided.length === 0 ? <EmptyState title={t('inbox.decidedEmpty')} /> : <ul className="space-y-2">{await Promise.all(decided.map((r) => item(r, false)))}</ul>}
      </PageSection>
    </div>
  );
}
