import { getLocale, getTranslations } from 'next-intl/server';
import type { Choice } from '@/components/forms/form-kit';
import { formatDay } from '@/i18n/format-day';
import { pickName } from '@/i18n/pick-name';
import { formatMoneyExact } from '@/lib/format';
import type { RequestDetail } from '../queries';
import { isEditable } from '@/server/records/budget/rules';
import { DraftRequestForm, SubmitRequestForm, WithdrawRequestForm } from './request-forms';
import { isoDayOf } from '@/lib/calendar';

// One request as its akimat sees it: what it asks, its dated history, and the next step the
// akimat may take — change and submit a draft, withdraw a submitted request.


/** What a request asks and where it stands: the issues and the dated steps. */
export async function RequestFacts({ request: r }: { request: RequestDetail }) {
  const locale = await getLocale();
  const [t, ts, tr] = await Promise.all([getTranslations('budgetRequests'), getTranslations('codes.requestStatus'), getTranslations('codes.requestRejection')]);
  return (
    <div className="space-y-2 text-sm">
      {r.note ? <p>{t('inbox.note', { note: r.note })}</p> : null}
      {r.issues.length === 0 ? <p>{t('inbox.noIssues')}</p> : (
        <ul className="list-disc pl-5">
          {r.issues.map(({ issue }) => (
            <li key={issue.id}><a href={`/issues/${issue.id}`} className="text-sky-kz-dark underline">{t('issueNo', { id: issue.id })}</a> {issue.description}</li>
          ))}
        </ul>
      )}
      {r.history.length > 0 ? (
        <>
          <h4 className="font-medium">{t('mine.history')}</h4>
          <ol className="list-decimal pl-5">
            {r.history.map((h) => (
              <li key={h.id}>
                {t('mine.step', { date: formatDay(locale, isoDayOf(h.effectiveOn)), status: ts(h.toStatus) })}
                {h.approvedAmountKzt !== null && h.toStatus === 'PARTIALLY_APPROVED' ? ` · ${t('mine.approvedAmount', { amount: formatMoneyExact(locale, Number(h.approvedAmountKzt)) })}` : ''}
                {h.rejectionReason ? ` · ${tr(h.rejectionReason)}` : ''}
                {h.comment ? ` · ${h.comment}` : ''}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </div>
  );
}

export async function requestSummary(r: RequestDetail) {
  const locale = await getLocale();
  const [t, ts] = await Promise.all([getTranslations('budgetRequests'), getTranslations('codes.requestStatus')]);
  const approved = r.approvedAmountKzt !== null && r.status !== 'APPROVED' ? ` · ${t('mine.approvedAmount', { amount: formatMoneyExact(locale, Number(r.approvedAmountKzt)) })}` : '';
  return t('mine.summary', { id: r.id, region: pickName(locale, r.region), body: pickName(locale, r.centralBody), amount: formatMoneyExact(locale, Number(r.amountKzt)), status: ts(r.status) }) + approved;
}

/** `writable` false (a unit editor): the request as it stands, without its forms. */
export async function OwnRequest({ request: r, bodies, today, writable = true }: { request: RequestDetail; bodies: Choice[]; today: string; writable?: boolean }) {
  const locale = await getLocale();
  const [ts, summary] = await Promise.all([getTranslations('codes.requestStatus'), requestSummary(r)]);
  const stepped = { id: r.id, version: r.version, statusLabel: ts(r.status) };
  const values = { centralBodyCode: r.centralBody.code, amountKzt: r.amountKzt.toString(), issueIds: r.issues.map((i) => i.issue.id).join(', '), note: r.note ?? '' };
  const display = { ...values, centralBodyCode: pickName(locale, r.centralBody), amountKzt: formatMoneyExact(locale, Number(r.amountKzt)) };
  return (
    <details className="rounded border border-neutral-300 bg-white p-3" data-testid={`budget-request-${r.id}`}>
      <summary className="tabular cursor-pointer">{summary}</summary>
      <div className="space-y-4 pt-3">
        <RequestFacts request={r} />
        {writable && isEditable(r.status) ? (
          <>
            <DraftRequestForm request={{ id: r.id, version: r.version, values, display }} bodies={bodies} />
            <SubmitRequestForm request={stepped} today={today} />
          </>
        ) : null}
        {writable && r.status === 'SUBMITTED' ? <WithdrawRequestForm request={stepped} today={today} /> : null}
      </div>
    </details>
  );
}
