import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { CompletenessTable, UnitCompleteness } from '@/features/submissions/components/completeness-table';
import { DeadlineForm, SubmitHalfYearForm } from '@/features/submissions/components/submit-form';
import { getCompleteness, getOwnSubmission } from '@/features/submissions/queries';
import { HALF_CODE, parseHalf } from '@/features/submissions/schemas';
import { halfYearOf, todayInKazakhstan } from '@/lib/calendar';
import { requirePageCaller } from '@/server/access/guard';
import { can } from '@/server/access/policy';
import { submissionOwner } from '@/server/access/scopes/submission';
import { PageHeader } from '@/components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('submissions'))('title') };
}

/** The current half-year and the five before it, newest first. */
function recentHalves(today: string): string[] {
  const out: string[] = [];
  let { year, half }: { year: number; half: number } = halfYearOf(today);
  for (let i = 0; i < 6; i += 1) {
    out.push(`${year}-H${half}`);
    if (half === 2) half = 1;
    else {
      half = 2;
      year -= 1;
    }
  }
  return out;
}

// GET /submissions?period=2024-H1 – who has submitted a half-year's data, against the deadline.
export default async function SubmissionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const caller = await requirePageCaller('records.read');
  const [t, locale, params] = await Promise.all([getTranslations('submissions'), getLocale(), searchParams]);
  const today = todayInKazakhstan();
  const halves = recentHalves(today);
  const period = params.period && HALF_CODE.test(params.period) ? params.period : halves[0]!;
  const label = (code: string) => {
    const p = parseHalf(code)!;
    return t('half', { half: p.half, year: p.year });
  };
  const owner = submissionOwner(caller);
  const ownKey = owner?.scopeKey ?? null;
  const [data, own] = await Promise.all([getCompleteness(period, locale), getOwnSubmission(period, ownKey)]);
  const dayText = (iso: string) => iso.slice(0, 10).split('-').reverse().join('.');
  const options = halves.includes(period) ? halves : [period, ...halves];
  return (
    <div className="space-y-6">
      <PageHeader title={t('title')} lead={t('lead')} intro />
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="period" className="font-medium">{t('period')}</label>
          <select id="period" name="period" defaultValue={period} className="rounded border border-neutral-400 bg-white px-3 py-2">
            {options.map((code) => <option key={code} value={code}>{label(code)}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded border border-neutral-500 bg-white px-4 py-2 font-medium">{t('show')}</button>
      </form>
      <p className="font-medium" data-testid="deadline">{data.deadline ? t('deadline', { date: dayText(data.deadline) }) : t('noDeadline')}</p>

      {ownKey && can(caller.role, 'records.write') ? (
        <section aria-labelledby="submit-title" className="space-y-2 rounded border border-neutral-200 bg-white p-4">
          <h2 id="submit-title" className="text-lg font-semibold">{t('submitTitle')}</h2>
          {own ? (
            <p role="status">{t('alreadySubmitted', { period: label(period), date: dayText(own.submittedAt.toISOString()) })}</p>
          ) : (
            <>
              <p className="max-w-3xl text-sm text-neutral-700">{t('submitHint')}</p>
              <SubmitHalfYearForm period={period} periodLabel={label(period)} />
            </>
          )}
        </section>
      ) : null}

      {can(caller.role, 'reference.manage') ? (
        <section aria-labelledby="deadline-title" className="space-y-2 rounded border border-neutral-200 bg-white p-4">
          <h2 id="deadline-title" className="text-lg font-semibold">{t('deadlineTitle')}</h2>
          <DeadlineForm key={period} period={period} deadline={data.deadline} />
        </section>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-2">
        <CompletenessTable title={t('regions')} lines={data.regions} deadline={data.deadline} today={today} locale={locale} />
        <CompletenessTable title={t('bodies')} lines={data.bodies} deadline={data.deadline} today={today} locale={locale} />
      </div>
      <UnitCompleteness regions={data.regions} units={data.units} deadline={data.deadline} today={today} locale={locale}
        openRegionId={owner?.regionId ?? null} />
    </div>
  );
}
