import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { restoreIssueAction } from '@/features/issues/actions';
import { restoreMeetingAction } from '@/features/meetings/actions';
import { RestoreView } from '@/features/restore/components/restore-view';
import { requirePageCaller } from '@/server/access/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entry.restore'))('title') };
}

// GET /admin/restore — deleted meetings and issues; an admin brings one back (audited).
export default async function Page() {
  await requirePageCaller('records.restore');
  return <RestoreView actions={{ meeting: restoreMeetingAction, issue: restoreIssueAction }} />;
}
