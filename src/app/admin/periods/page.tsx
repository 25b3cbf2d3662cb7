import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PeriodsView } from '@/features/periods/components/periods-view';
import { requirePageCaller } from '@/server/access/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entry.periods'))('title') };
}

// GET /admin/periods — closed half-years; an admin reopens one here, with a reason.
export default async function Page() {
  await requirePageCaller('period.reopen');
  return <PeriodsView />;
}
