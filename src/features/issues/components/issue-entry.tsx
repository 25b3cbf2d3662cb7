import { getTranslations } from 'next-intl/server';
import { codeOptions } from '@/features/entry/options';
import { can } from '@/server/access/policy';
import { getCaller } from '@/server/auth/caller';
import { checkTransition, type IssueStatus } from '../rules';
import { DeleteIssueButton, MoneyEntryForm, StatusChangeForm } from './issue-entry-forms';

/**
 * The data-entry section of /issues/{id}, for those who may change it: the page has already
 * checked the issue is in the caller's scope, and the writers check again.
 */
export async function IssueEntry({ issue }: { issue: { id: number; version: number; status: IssueStatus; raisedOn: string } }) {
  const caller = await getCaller();
  if (!caller || !can(caller.role, 'records.write')) return null;
  const [t, codes] = await Promise.all([getTranslations('entry.issueForms'), codeOptions()]);
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
      <div className="space-y-2">
        <h3 className="text-lg font-semibold">{t('deleteTitle')}</h3>
        <p className="text-sm text-neutral-700">{t('deleteHint')}</p>
        <DeleteIssueButton issue={forEntry} />
      </div>
    </section>
  );
}
