import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { EditMeeting } from '@/features/meetings/components/meeting-entry';
import { meetingIdParams } from '@/server/records/meetings/schemas';
import { requirePageCaller } from '@/server/access/guard';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('entry.meetingForm'))('editTitle') };
}

// GET /meetings/{id}/edit — change a meeting in the caller's scope; 404 for any other.
export default async function Page({ params }: Props) {
  const caller = await requirePageCaller('records.write');
  const parsed = meetingIdParams.safeParse({ id: (await params).id });
  if (!parsed.success) notFound();
  return <EditMeeting caller={caller} id={parsed.data.id} />;
}
