import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PlansPage } from '@/features/action-plans/components/plans-page';
import { OwnRequestsSection } from '@/features/budget/components/own-requests-section';
import { requirePageCaller } from '@/server/access/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entry.plans'))('title') };
}

// GET /entry/plans — an akimat's half-year action plans and budget requests.
export default async function Page() {
  const caller = await requirePageCaller('region.plans.write');
  return <PlansPage caller={caller} requests={<OwnRequestsSection caller={caller} />} />;
}
