// The overview's rate by half-year: each half's raised issues, resolved as they stood on its last
// day (today for the current half), read from the summaries half by half. Checked against the one
// pass over every issue that it replaced (kept here as the oracle), on issues of four halves, with
// reopenings, a status after the half's end, a deleted issue and a central official's meeting.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePeriod } from '@/lib/period';
import { createIssue, createMeeting } from '../factories/issues';
import { createReference, type Reference } from '../factories/reference';
import { openAppDatabase, type AppDatabase } from '../support/database';

let app: AppDatabase;
let ref: Reference;

const ORACLE = `
  WITH issues AS (
    SELECT i.id, extract(year FROM i.raised_on)::int AS year, CASE WHEN extract(month FROM i.raised_on) <= 6 THEN 1 ELSE 2 END AS half,
      LEAST((date_trunc('year', i.raised_on) + CASE WHEN extract(month FROM i.raised_on) <= 6 THEN interval '6 months' ELSE interval '12 months' END
        - interval '1 day')::date, $1::date) AS judged_on
    FROM raised_issue i JOIN meeting m ON m.id = i.meeting_id
    WHERE i.deleted_at IS NULL AND m.deleted_at IS NULL AND i.meeting_kind = 'AKIM')
  SELECT p.year, p.half, count(*)::int AS raised, count(*) FILTER (WHERE s.to_status = 'RESOLVED')::int AS resolved
  FROM issues p LEFT JOIN LATERAL (
    SELECT c.to_status FROM issue_status_change c WHERE c.issue_id = p.id AND c.effective_on <= p.judged_on
    ORDER BY c.effective_on DESC, c.recorded_at DESC, c.id DESC LIMIT 1) s ON true
  GROUP BY 1, 2 ORDER BY 1, 2`;

beforeAll(async () => {
  app = await openAppDatabase();
  ref = await createReference(app.pool);
  const m1 = await createMeeting(app.pool, ref, { heldOn: '2023-02-10' });
  await createIssue(app.pool, ref, m1, [{ to: 'RESOLVED', on: '2023-03-01' }]);
  await createIssue(app.pool, ref, m1, [{ to: 'RESOLVED', on: '2023-08-01' }]); // resolved after its half: not in its rate
  await createIssue(app.pool, ref, m1, [{ to: 'RESOLVED', on: '2023-03-01' }, { to: 'IN_EXECUTION', on: '2023-05-01' }]);
  await createIssue(app.pool, ref, m1, [{ to: 'RESOLVED', on: '2023-03-01' }], { deleted: true });
  const m2 = await createMeeting(app.pool, ref, { heldOn: '2023-11-30' });
  await createIssue(app.pool, ref, m2, [{ to: 'IN_EXECUTION', on: '2023-12-01' }, { to: 'RESOLVED', on: '2023-12-31' }]);
  await createIssue(app.pool, ref, m2);
  const m3 = await createMeeting(app.pool, ref, { heldOn: '2024-07-15', level: 'DISTRICT' });
  await createIssue(app.pool, ref, m3, [{ to: 'NOT_SUPPORTED', on: '2024-07-20' }]);
  await createIssue(app.pool, ref, m3, [{ to: 'RESOLVED', on: '2024-09-01' }]);
  const central = await createMeeting(app.pool, ref, { heldOn: '2024-03-01', kind: 'CENTRAL' });
  await createIssue(app.pool, ref, central, [{ to: 'RESOLVED', on: '2024-03-02' }]);
  await app.pool.query('SELECT stat_rebuild()');
});

afterAll(() => app?.close());

describe('getRateByHalf', () => {
  it('gives each half what the one pass over every issue gives, and nothing for halves without issues', async () => {
    const { getRateByHalf } = await import('@/features/dashboard/queries/rate-by-half');
    const { nationalFilter } = await import('@/server/stats/filters');
    const { todayInKazakhstan } = await import('@/lib/calendar');
    const rates = (await getRateByHalf(nationalFilter(parsePeriod('2024-H2')!))).filter((r) => r.raised > 0);
    const { rows } = await app.pool.query(ORACLE, [todayInKazakhstan()]);
    expect(rates).toEqual(rows);
    expect(rates).toEqual([
      { year: 2023, half: 1, raised: 3, resolved: 1 },
      { year: 2023, half: 2, raised: 2, resolved: 1 },
      { year: 2024, half: 2, raised: 2, resolved: 1 },
    ]);
  });
});
