import { getLocale, getTranslations } from 'next-intl/server';
import { codeOptions } from '@/features/entry/options';
import { DecideEscalationForm, ProposeEscalationForm } from '@/features/escalations/components/escalation-forms';
import { Disposition } from '@/generated/prisma/enums';
import { pickName } from '@/i18n/pick-name';
import { can } from '@/server/access/policy';
import { recordScope } from '@/server/access/scope';
import { getCaller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { checkTransition, type IssueStatus } from '../rules';
import { DeleteIssueButton, MoneyEntryForm, StatusChangeForm } from './issue-entry-forms';

/**
 * The data-entry section of /issues/{id}, for those who may change it: the page has already
 * checked the issue is in the caller's scope, and the writers check again.
 */
export async function IssueEntry({ issue }: { issue: { id: number; version: number; status: IssueStatus; raisedOn: string; meetingKind: 'AKIM' | 'CENTRAL' } }) {
  const caller = await getCaller();
  if (!caller || !can(caller.role, 'records.write')) return null;
  const [t, te, tc, codes, locale] = await Promise.all([getTranslations('entry.issueForms'), getTranslations('entry.escalationForms'), getTranslations('codes'), codeOptions(), getLocale()]);
  const scope = recordScope(caller);
  const mayPropose = can(caller.role, 'escalations.propose') && issue.meetingKind === 'AKIM';
  const mayDecide = can(caller.role, 'escalations.decide');
  const [bodies, escalations] = await Promise.all([
    mayPropose ? db().centralBody.findMany({ orderBy: { nameRu: 'asc' } }) : [],
    mayDecide
      ? db().escalation.findMany({ where: { issueId: issue.id, ...(scope.kind === 'body' ? { centralBodyId: scope.centralBodyId } : {}) }, include: { centralBody: true }, orderBy: [{ year: 'asc' }, { half: 'asc' }] })
      : [],
  ]);
  const today = new Date();
  const dispositions = Object.values(Disposition).map((d) => ({ value: d, label: tc(`disposition.${d}`) }));
  // Only the steps the foundation's rules allow from the current status (a reopening asks for a reason).
  const statuses = codes.statuses.filter((s) => checkTransition(issue.status, s.value as IssueStatus, 'reason').ok);
  const forEntry = { ...issue, statusLabel: codes.statuses.find((s) => s.value === issue.status)?.label ?? issue.status };
  return (
    <section aria-labelledby="issue-entry" className="space-y-8 border-t border-neutral-200 pt-6">
      <h2 id="issue-entry" className="text-xl font-semibold">{t('title')}</h2>
      <div className="grid gap-8 lg:grid-cols-2">
        <StatusChangeForm issue={forEntry} statuses={statuses} />
        <MoneyEntryForm issue={forEntry} sources={codes.sources} kinds={codes.entryKinds} />
      </div>
      {mayPropose || escalations.length > 0 ? (
        <div className="grid gap-8 lg:grid-cols-2">
          {mayPropose ? (
            <ProposeEscalationForm issueId={issue.id} bodies={bodies.map((b) => ({ value: b.code, label: pickName(locale, b) }))}
              year={today.getUTCFullYear()} half={today.getUTCMonth() < 6 ? 1 : 2} />
          ) : null}
          {escalations.length > 0 ? (
            <div className="space-y-3">
              <h3 className="text-lg font-semibold">{te('decideTitle')}</h3>
              {escalations.map((e) => (
                <DecideEscalationForm key={`${e.id}-${e.version}`} dispositions={dispositions}
                  escalation={{ id: e.id, version: e.version, disposition: e.disposition, amount: e.republicanAmountKzt?.toString() ?? null, selected: e.selected,
                    label: te('listLabel', { year: e.year, half: e.half, body: pickName(locale, e.centralBody) }) }} />
              ))}
            </div>
          ) : null}
        </div>
      ) : null}
      <div className="space-y-2">
        <h3 className="text-lg font-semibold">{t('deleteTitle')}</h3>
        <p className="text-sm text-neutral-700">{t('deleteHint')}</p>
        <DeleteIssueButton issue={forEntry} />
      </div>
    </section>
  );
}
