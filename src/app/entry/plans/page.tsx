import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { PlansPage } from '@/features/budget/components/plans-page';
import { requirePageCaller } from '@/server/access/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entry.plans'))('title') };
}

// GET /entry/plans — an akimat's half-year action plans and budget requests.
export default async function Page() {
  return <PlansPage caller={await requirePageCaller('region.plans.write')} />;
}
