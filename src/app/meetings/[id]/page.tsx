import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { AddIssue } from '@/features/issues/components/add-issue';
import { EditMeetingLink } from '@/features/meetings/components/entry-links';
import { MeetingDetail, loadMeeting } from '@/features/meetings/components/meeting-detail';
import { meetingIdParams } from '@/server/records/meetings/schemas';
import { formatDay } from '@/i18n/format-day';
import { requirePageCaller } from '@/server/access/guard';

type Props = { params: Promise<{ id: string }> };

// Read once per request: the title and the page share it (and a denial is audited once).
const load = cache(async (rawId: string) => {
  const caller = await requirePageCaller('records.read');
  const parsed = meetingIdParams.safeParse({ id: rawId });
  if (!parsed.success) notFound();
  return { caller, ...(await loadMeeting(caller, parsed.data.id)) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { meeting } = await load((await params).id);
  const t = await getTranslations('meetingRecords');
  return { title: t('detail.title', { date: formatDay(await getLocale(), meeting.heldOn) }) };
}

// GET /meetings/{id} — one meeting in the caller's scope; 404 for any other.
export default async function Page({ params, searchParams }: Props & { searchParams: Promise<{ saved?: string }> }) {
  const { caller, ...data } = await load((await params).id);
  return (
    <>
      <EditMeetingLink caller={caller} id={data.meeting.id} saved={(await searchParams).saved === '1'} />
      <MeetingDetail data={data} />
      <AddIssue caller={caller} meeting={data.meeting} />
    </>
  );
}
