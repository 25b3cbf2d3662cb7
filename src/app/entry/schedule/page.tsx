import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { SchedulePage } from '@/features/schedule/components/schedule-page';
import { requirePageCaller } from '@/server/access/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entry.schedule'))('title') };
}

// GET /entry/schedule — a ministry's schedule of meetings: add and remove planned trips.
export default async function Page() {
  return <SchedulePage caller={await requirePageCaller('schedule.write')} />;
}
