import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NewMeeting } from '@/features/meetings/components/meeting-entry';
import { requirePageCaller } from '@/server/access/guard';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entry.meetingForm'))('newTitle') };
}

// GET /meetings/new?kind=AKIM|CENTRAL — record a meeting with its issues.
export default async function Page({ searchParams }: { searchParams: Promise<{ kind?: string }> }) {
  const caller = await requirePageCaller('records.write');
  return <NewMeeting caller={caller} kind={(await searchParams).kind} />;
}
