import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { IssuesPage } from '@/features/issues/components/issues-page';
import { getYearsWithData } from '@/server/stats/queries/latest';
import { requirePageCaller } from '@/server/access/guard';
import type { RawSearchParams } from '@/server/page-params';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('issueRecords'))('title') };
}

// GET /issues — the caller's raised issues; ?period=&region=&category=&status=&level=&kind=&q=&sort=&page=
export default async function Page({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const caller = await requirePageCaller('records.read');
  const [raw, years] = await Promise.all([searchParams, getYearsWithData()]);
  return <IssuesPage caller={caller} searchParams={raw} years={years} />;
}
