import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { InboxPage } from '@/features/budget/components/inbox-page';
import { requirePageCaller } from '@/server/access/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('budgetRequests'))('inbox.title') };
}

// GET /entry/requests — a ministry's inbox of budget requests awaiting its decision.
export default async function Page() {
  return <InboxPage caller={await requirePageCaller('budget.decide')} />;
}
