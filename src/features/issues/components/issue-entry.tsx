import { getTranslations } from 'next-intl/server';
import { categoryOptions, codeOptions } from '@/server/records/options';
import type { ReactNode } from 'react';
import { can } from '@/server/access/policy';
import { getCaller } from '@/server/auth/caller';
import { checkTransition, type IssueStatus } from '@/server/records/issues/rules';
import { DeleteIssueButton, IssueEditForm, MoneyEntryForm, StatusChangeForm } from './issue-entry-forms';

/**
 * The data-entry section of /issues/{id}, for those who may change it: the page has already
 * checked the issue is in the caller's scope, and the writers check again.
 */
export async function IssueEntry({ issue, escalations }: {
  /** The escalation forms for this issue, composed in by the page. */
  escalations?: ReactNode;
  issue: { id: number; version: number; status: IssueStatus; raisedOn: string; meetingKind: 'AKIM' | 'CENTRAL'; category: string; description: string; responsibleLevel: string };
}) {
  const caller = await getCaller();
  if (!caller || !can(caller.role, 'records.write')) return null;
  const [t, codes, categories] = await Promise.all([getTranslations('entry.issueForms'), codeOptions(), categoryOptions()]);
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
      {escalations}
      <div className="space-y-2">
        <h3 className="text-lg font-semibold">{t('deleteTitle')}</h3>
        <p className="text-sm text-neutral-700">{t('deleteHint')}</p>
        <DeleteIssueButton issue={forEntry} />
      </div>
    </section>
  );
}
