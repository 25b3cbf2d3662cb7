import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { categoryOptions, codeOptions } from '@/features/entry/options';
import { DecideEscalationForm, ProposeEscalationForm } from '@/features/escalations/components/escalation-forms';
import { Disposition } from '@/generated/prisma/enums';
import { pickName } from '@/i18n/pick-name';
import { can } from '@/server/access/policy';
import { escalationDecisionWhere } from '@/server/access/scopes/escalation';
import { getCaller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { checkTransition, type IssueStatus } from '../rules';
import { DeleteIssueButton, IssueEditForm, MoneyEntryForm, StatusChangeForm } from './issue-entry-forms';
import { halfYearOf, todayInKazakhstan } from '@/lib/calendar';

/**
 * The data-entry section of /issues/{id}, for those who may change it: the page has already
 * checked the issue is in the caller's scope, and the writers check again.
 */
export async function IssueEntry({ issue }: {
  issue: { id: number; version: number; status: IssueStatus; raisedOn: string; meetingKind: 'AKIM' | 'CENTRAL'; category: string; description: string; responsibleLevel: string };
}) {
  const caller = await getCaller();
  if (!caller || !can(caller.role, 'records.write')) return null;
  const [t, te, tc, tr, codes, categories, locale, format] = await Promise.all([
    getTranslations('entry.issueForms'), getTranslations('entry.escalationForms'), getTranslations('codes'), getTranslations('records'), codeOptions(), categoryOptions(), getLocale(), getFormatter(),
  ]);
  const decides = escalationDecisionWhere(caller);
  const mayPropose = can(caller.role, 'escalations.propose') && issue.meetingKind === 'AKIM';
  const mayDecide = can(caller.role, 'escalations.decide');
  const [bodies, escalations] = await Promise.all([
    mayPropose ? db().centralBody.findMany({ orderBy: { nameRu: 'asc' } }) : [],
    mayDecide && decides
      ? db().escalation.findMany({ where: { ...decides, issueId: issue.id }, include: { centralBody: true }, orderBy: [{ year: 'asc' }, { half: 'asc' }] })
      : [],
  ]);
  const current = halfYearOf(todayInKazakhstan());
  const dispositions = Object.values(Disposition).map((d) => ({ value: d, label: tc(`disposition.${d}`) }));
  // Only the steps the foundation's rules allow from the current status (a reopening asks for a reason).
  const statuses = codes.statuses.filter((s) => checkTransition(issue.status, s.value as IssueStatus, 'reason').ok);
  // A category switched off since stays selectable for the issue that has it.
  if (!categories.some((c) => c.value === issue.category)) categories.unshift({ value: issue.category, label: issue.category });
  const labelOf = (list: { value: string; label: string }[], v: string) => list.find((o) => o.value === v)?.label ?? v;
  const forEntry = {
    id: issue.id, version: issue.version, status: issue.status, statusLabel: labelOf(codes.statuses, issue.status), raisedOn: issue.raisedOn,
    categoryCode: issue.category, categoryLabel: labelOf(categories, issue.category), description: issue.description,
    responsibleLevel: issue.responsibleLevel, responsibleLabel: labelOf(codes.responsibleLevels, issue.responsibleLevel),
  };
  return (
    <section aria-labelledby="issue-entry" className="space-y-8 border-t border-neutral-200 pt-6">
      <h2 id="issue-entry" className="text-xl font-semibold">{t('title')}</h2>
      <IssueEditForm issue={forEntry} categories={categories} responsibleLevels={codes.responsibleLevels} />
      <div className="grid gap-8 lg:grid-cols-2">
        <StatusChangeForm issue={forEntry} statuses={statuses} />
        <MoneyEntryForm issue={forEntry} sources={codes.sources} kinds={codes.entryKinds} />
      </div>
      {mayPropose || escalations.length > 0 ? (
        <div className="grid gap-8 lg:grid-cols-2">
          {mayPropose ? (
            <ProposeEscalationForm issueId={issue.id} bodies={bodies.map((b) => ({ value: b.code, label: pickName(locale, b) }))}
              year={current.year} half={current.half} />
          ) : null}
          {escalations.length > 0 ? (
            <div className="space-y-3">
              <h3 className="text-lg font-semibold">{te('decideTitle')}</h3>
              {escalations.map((e) => (
                <DecideEscalationForm key={e.id} dispositions={dispositions}
                  escalation={{
                    id: e.id, version: e.version, label: te('listLabel', { year: e.year, half: e.half, body: pickName(locale, e.centralBody) }),
                    disposition: e.disposition, dispositionLabel: e.disposition ? tc(`disposition.${e.disposition}`) : '',
                    amount: e.republicanAmountKzt?.toString() ?? null, amountLabel: e.republicanAmountKzt === null ? '' : format.number(e.republicanAmountKzt),
                    selected: e.selected, selectedLabel: e.selected ? tr('yes') : tr('no'),
                  }} />
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
