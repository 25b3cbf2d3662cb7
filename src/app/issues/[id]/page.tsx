import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getTranslations } from 'next-intl/server';
import { IssueDetail, loadIssue } from '@/features/issues/components/issue-detail';
import { IssueEscalations } from '@/features/escalations/components/issue-escalations';
import { IssueEntry } from '@/features/issues/components/issue-entry';
import { issueIdParams } from '@/server/records/issues/schemas';
import { requirePageCaller } from '@/server/access/guard';
import { getCaller } from '@/server/auth/caller';

type Props = { params: Promise<{ id: string }> };

// Read once per request: the title and the page share it (and a denial is audited once).
const load = cache(async (rawId: string) => {
  const caller = await requirePageCaller('records.read');
  const parsed = issueIdParams.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  return loadIssue(caller, parsed.data.id);
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { issue } = await load((await params).id);
  return { title: (await getTranslations('issueRecords'))('detail.title', { id: issue.id }) };
}

// GET /issues/{id} — one issue in the caller's scope; 404 for any other.
export default async function Page({ params }: Props) {
  const data = await load((await params).id);
  const caller = await getCaller();
  const issue = { ...data.issue, meetingKind: data.issue.meeting.kind };
  return (
    <>
      <IssueDetail data={data} />
      <IssueEntry issue={issue} escalations={caller ? <IssueEscalations caller={caller} issue={issue} /> : null} />
    </>
  );
}
