import { getTranslations } from 'next-intl/server';
import { categoryOptions, codeOptions } from '@/server/records/options';
import { can } from '@/server/access/policy';
import type { Caller } from '@/server/auth/caller';
import { AddIssueForm } from './add-issue-form';

/**
 * The "add an issue" section of /meetings/{id}, for those who may write: the page has already
 * checked the meeting is in the caller's scope, and the writer checks again.
 */
export async function AddIssue({ caller, meeting }: { caller: Caller; meeting: { id: number; kind: 'AKIM' | 'CENTRAL' } }) {
  if (!can(caller.role, 'records.write')) return null;
  const [t, categories, codes] = await Promise.all([getTranslations('entry.addIssue'), categoryOptions(), codeOptions()]);
  return (
    <section aria-labelledby="add-issue" className="space-y-3 border-t border-neutral-200 pt-6">
      <h2 id="add-issue" className="text-lg font-semibold">{t('title')}</h2>
      <AddIssueForm meetingId={meeting.id} defaultLevel={meeting.kind === 'AKIM' ? 'REGION' : 'CENTRAL'} categories={categories} responsibleLevels={codes.responsibleLevels} />
    </section>
  );
}
