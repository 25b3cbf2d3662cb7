import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { NewMeetingLink } from '@/features/meetings/components/entry-links';
import { MeetingsPage } from '@/features/meetings/components/meetings-page';
import { getYearsWithData } from '@/server/stats/queries/latest';
import { requirePageCaller } from '@/server/access/guard';
import type { RawSearchParams } from '@/server/page-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('meetingRecords'))('title') };
}

// GET /meetings — the caller's meetings; ?period=&region=&kind=&level=&body=&q=&sort=&page=
export default async function Page({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const caller = await requirePageCaller('records.read');
  const [raw, years] = await Promise.all([searchParams, getYearsWithData()]);
  return (
    <>
      <NewMeetingLink caller={caller} />
      <MeetingsPage caller={caller} searchParams={raw} years={years} />
    </>
  );
}
