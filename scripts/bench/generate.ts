import type pg from 'pg';
import { REGION_WEIGHTS } from '../../prisma/seed/targets';
import { now } from './util';

// Ten years of meetings, issues and status histories, generated inside PostgreSQL with
// set-based INSERT … SELECT FROM generate_series, one chunk of ids per statement.
// Every random choice is pg_temp.u(id, salt): a hash of the row's id, so the same --issues
// always gives the same rows, whatever the chunk size.

export const FIRST_DAY = '2016-01-01';
export const HORIZON = '2025-12-31'; // no event is dated after this
const DAYS = 3653; // 2016-01-01 … 2025-12-31
export const ISSUES_PER_MEETING = 2.2;
const CENTRAL_SHARE = 0.04;
const BULK_TABLES = ['meeting', 'raised_issue', 'issue_status_change', 'budget_allocation', 'escalation', 'escalation_inclusion_change', 'budget_request', 'budget_request_issue', 'budget_request_status_change'];

export type LoadReport = { rows: Record<string, number>; seconds: Record<string, number> };

const UNIFORM = `CREATE OR REPLACE FUNCTION pg_temp.u(id bigint, salt int) RETURNS float8
  LANGUAGE sql IMMUTABLE PARALLEL SAFE AS
  $$ SELECT (hashint8extended(id, salt) & 4503599627370495)::float8 / 4503599627370496.0 $$`;

// Who holds an akim meeting of a region at each level (0 region, 1 district/city, 2 rural —
// a city of republican significance has no rural districts, so its districts stand in).
const PICKS = `CREATE TEMP TABLE bench_pick AS
  WITH cand AS (
    SELECT o.region_id, 0 AS lvl, NULL::int AS unit_id, o.id AS official_id, 'REGION' AS akim_level
      FROM official o WHERE o.position = 'AKIM_REGION'
    UNION ALL
    SELECT u.region_id, 1, u.id, o.id, 'DISTRICT' FROM admin_unit u JOIN official o ON o.unit_id = u.id
      WHERE u.kind <> 'RURAL_DISTRICT'
    UNION ALL
    SELECT u.region_id, 2, u.id, o.id, CASE WHEN u.kind = 'RURAL_DISTRICT' THEN 'RURAL' ELSE 'DISTRICT' END
      FROM admin_unit u JOIN official o ON o.unit_id = u.id
      WHERE u.kind = 'RURAL_DISTRICT'
         OR NOT EXISTS (SELECT 1 FROM admin_unit x WHERE x.region_id = u.region_id AND x.kind = 'RURAL_DISTRICT')
  )
  SELECT region_id, lvl, (row_number() OVER (PARTITION BY region_id, lvl ORDER BY official_id) - 1)::int AS idx,
    count(*) OVER (PARTITION BY region_id, lvl)::int AS n, unit_id, official_id, akim_level::"AkimLevel" AS akim_level
  FROM cand;
  CREATE TEMP TABLE bench_central AS
  SELECT (row_number() OVER (ORDER BY id) - 1)::int AS idx, central_body_id AS body_id, id AS official_id
  FROM official WHERE central_body_id IS NOT NULL;
  ANALYZE bench_pick; ANALYZE bench_central;`;

async function lookups(client: pg.Client): Promise<{ regionSlots: string; pickCounts: string; centralCount: number }> {
  await client.query(UNIFORM);
  await client.query(PICKS);
  const regions = (await client.query<{ id: number; kato: string }>('SELECT id, kato FROM region ORDER BY id')).rows;
  const slots: number[] = [];
  for (const r of regions) for (let k = 0; k < (REGION_WEIGHTS[r.kato] ?? 5) * 10; k++) slots.push(r.id);
  const maxId = Math.max(...regions.map((r) => r.id));
  const counts = new Array<number>((maxId + 1) * 3).fill(0);
  const rows = (await client.query<{ region_id: number; lvl: number; n: number }>('SELECT DISTINCT region_id, lvl, n FROM bench_pick')).rows;
  for (const r of rows) counts[r.region_id * 3 + r.lvl] = r.n;
  const central = (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM bench_central')).rows[0]?.n ?? 0;
  return { regionSlots: `ARRAY[${slots.join(',')}]`, pickCounts: `ARRAY[${counts.join(',')}]`, centralCount: central };
}

function meetingSql(M: number, l: { regionSlots: string; pickCounts: string; centralCount: number }, slots: number): string {
  return `INSERT INTO meeting (id, kind, official_id, region_id, unit_id, akim_level, central_body_id, held_on, venue,
      open_microphone, problem_site_visited, announced_on, announcement_channels, questions_collected, action_plan_prepared,
      attendance, created_at, updated_at, deleted_at)
    SELECT k.m, CASE WHEN k.central THEN 'CENTRAL' ELSE 'AKIM' END::"MeetingKind",
      CASE WHEN k.central THEN c.official_id ELSE p.official_id END, k.region_id,
      CASE WHEN k.central THEN NULL ELSE p.unit_id END, CASE WHEN k.central THEN NULL ELSE p.akim_level END,
      CASE WHEN k.central THEN c.body_id END, k.held_on,
      (ARRAY['HOUSE_OF_CULTURE','HOUSE_OF_CULTURE','HOUSE_OF_CULTURE','OTHER','PROBLEM_SITE','ONLINE','CCS_PLATFORM'])
        [1 + floor(pg_temp.u(k.m, 5) * 7)::int]::"Venue",
      pg_temp.u(k.m, 6) < 0.12, pg_temp.u(k.m, 7) < 0.15, k.held_on - (2 + floor(pg_temp.u(k.m, 8) * 9)::int),
      (CASE WHEN pg_temp.u(k.m, 9) < 0.7 THEN '{BODY_WEBSITE,LOCAL_MEDIA,MESSENGER_GROUPS}' ELSE '{BODY_WEBSITE,MESSENGER_GROUPS}' END)::"AnnouncementChannel"[],
      pg_temp.u(k.m, 10) < 0.6, pg_temp.u(k.m, 11) < 0.5, 15 + floor(pg_temp.u(k.m, 12) * 400)::int,
      k.held_on + time '18:00', k.held_on + time '18:00',
      CASE WHEN pg_temp.u(k.m, 13) < 0.003 THEN k.held_on + time '18:00' + interval '20 days' END
    FROM (
      SELECT k0.*, floor(k0.r_unit * (${l.pickCounts})[k0.region_id * 3 + k0.lvl + 1])::int AS idx,
        floor(k0.r_unit * ${l.centralCount})::int AS cidx
      FROM (
        SELECT m, pg_temp.u(m, 1) < ${CENTRAL_SHARE} AS central,
          DATE '${FIRST_DAY}' + ((m - 1)::bigint * ${DAYS} / ${M})::int AS held_on,
          (${l.regionSlots})[1 + floor(pg_temp.u(m, 2) * ${slots})::int] AS region_id,
          CASE WHEN pg_temp.u(m, 3) < 0.02 THEN 0 WHEN pg_temp.u(m, 3) < 0.30 THEN 1 ELSE 2 END AS lvl,
          pg_temp.u(m, 4) AS r_unit
        FROM generate_series($1::int, $2::int) m
      ) k0
    ) k
    LEFT JOIN bench_pick p ON p.region_id = k.region_id AND p.lvl = k.lvl AND p.idx = k.idx
    LEFT JOIN bench_central c ON c.idx = k.cidx`;
}

// Status path of issue i (from its raised date d0): R resolved 55% (half via IN_EXECUTION, 8% reopened
// and 60% of those resolved again), E in execution 15%, N not supported 10%, X escalated 8%, else still RAISED.
// Steps are strictly later than the one before; those after the horizon are dropped (a prefix stays).
function issueSql(M: number, N: number): string {
  const H = `DATE '${HORIZON}'`;
  return `WITH s AS MATERIALIZED (
      SELECT d.*, CASE WHEN d.e1 <= ${H} THEN d.e1 END AS h1, CASE WHEN d.e2 <= ${H} THEN d.e2 END AS h2,
        CASE WHEN d.e3 <= ${H} THEN d.e3 END AS h3, CASE WHEN d.e4 <= ${H} THEN d.e4 END AS h4
      FROM (
        SELECT c.*, CASE WHEN c.e3 IS NOT NULL AND pg_temp.u(c.i, 10) < 0.6 THEN c.e3 + 10 + floor(pg_temp.u(c.i, 9) * 120)::int END AS e4
        FROM (
          SELECT b.*, CASE WHEN b.path = 'R' AND pg_temp.u(b.i, 7) < 0.08 THEN b.e2 + 20 + floor(pg_temp.u(b.i, 8) * 180)::int END AS e3
          FROM (
            SELECT a.*,
              CASE a.path WHEN 'R' THEN coalesce(a.e1, a.d0) + 1 + least(2000, floor(-ln(1 - pg_temp.u(a.i, 6)) * 70))::int
                WHEN 'N' THEN a.d0 + 1 + floor(pg_temp.u(a.i, 6) * 90)::int
                WHEN 'X' THEN coalesce(a.e1, a.d0) + 5 + floor(pg_temp.u(a.i, 6) * 120)::int END AS e2,
              CASE a.path WHEN 'R' THEN 'RESOLVED' WHEN 'N' THEN 'NOT_SUPPORTED' WHEN 'X' THEN 'ESCALATED' END AS s2
            FROM (
              SELECT z.*, CASE WHEN z.path = 'E' OR (z.path = 'R' AND z.r_exec < 0.5) OR (z.path = 'X' AND z.r_exec < 0.3)
                THEN z.d0 + 1 + floor(pg_temp.u(z.i, 5) * 45)::int END AS e1
              FROM (
                SELECT g.i, mt.id AS meeting_id, mt.kind, mt.region_id, mt.held_on AS d0, mt.akim_level, mt.deleted_at AS m_del,
                  CASE WHEN pg_temp.u(g.i, 3) < 0.55 THEN 'R' WHEN pg_temp.u(g.i, 3) < 0.70 THEN 'E'
                    WHEN pg_temp.u(g.i, 3) < 0.80 THEN 'N' WHEN pg_temp.u(g.i, 3) < 0.88 THEN 'X' ELSE '0' END AS path,
                  pg_temp.u(g.i, 4) AS r_exec, pg_temp.u(g.i, 2) AS r_cat
                FROM generate_series($1::int, $2::int) g(i)
                JOIN meeting mt ON mt.id = least(${M}, 1 + floor(((g.i - 1) + pg_temp.u(g.i, 1) * 2) * ${M}::float8 / ${N}))::int
                WHERE mt.id BETWEEN $3::int AND $4::int
              ) z
            ) a
          ) b
        ) c
      ) d
    ), issues AS (
      INSERT INTO raised_issue (id, meeting_id, category_id, description, responsible_level, status, meeting_kind, region_id,
        raised_on, resolved_on, created_at, updated_at, deleted_at)
      SELECT s.i, s.meeting_id, cat.id,
        (ARRAY['Ремонт сетей водоснабжения и теплоснабжения', 'Благоустройство двора и освещение улиц', 'Ремонт дороги и тротуаров',
          'Строительство школы или поликлиники', 'Выделение земельного участка', 'Предоставление жилья', 'Прочие вопросы жителей'])[cat.id]
          || ' (обращение № ' || s.i || ')',
        (CASE WHEN s.kind = 'CENTRAL' THEN 'CENTRAL' WHEN s.akim_level = 'REGION' THEN 'REGION' WHEN s.akim_level = 'DISTRICT' THEN 'DISTRICT'
          WHEN pg_temp.u(s.i, 11) < 0.5 THEN 'RURAL' ELSE 'DISTRICT' END)::"ResponsibleLevel",
        (CASE WHEN s.h4 IS NOT NULL THEN 'RESOLVED' WHEN s.h3 IS NOT NULL THEN 'IN_EXECUTION' WHEN s.h2 IS NOT NULL THEN s.s2
          WHEN s.h1 IS NOT NULL THEN 'IN_EXECUTION' ELSE 'RAISED' END)::"IssueStatus",
        s.kind, s.region_id, s.d0,
        CASE WHEN s.h4 IS NOT NULL THEN s.h4 WHEN s.h3 IS NOT NULL THEN NULL WHEN s.s2 = 'RESOLVED' THEN s.h2 END,
        s.d0 + time '19:00', coalesce(s.h4, s.h3, s.h2, s.h1, s.d0) + time '10:00',
        CASE WHEN s.m_del IS NOT NULL THEN s.m_del WHEN pg_temp.u(s.i, 12) < 0.003 THEN s.d0 + time '12:00' + interval '45 days' END
      FROM s CROSS JOIN LATERAL (SELECT CASE WHEN s.r_cat < 0.24 THEN 1 WHEN s.r_cat < 0.44 THEN 2 WHEN s.r_cat < 0.62 THEN 3
        WHEN s.r_cat < 0.74 THEN 4 WHEN s.r_cat < 0.83 THEN 5 WHEN s.r_cat < 0.91 THEN 6 ELSE 7 END AS id) cat
    )
    INSERT INTO issue_status_change (issue_id, from_status, to_status, effective_on, recorded_at)
    SELECT s.i, v.f::"IssueStatus", v.t::"IssueStatus", v.d, v.d + time '10:00'
    FROM s CROSS JOIN LATERAL (VALUES (0, NULL, 'RAISED', s.d0), (1, 'RAISED', 'IN_EXECUTION', s.h1),
      (2, CASE WHEN s.h1 IS NULL THEN 'RAISED' ELSE 'IN_EXECUTION' END, s.s2, s.h2),
      (3, s.s2, 'IN_EXECUTION', s.h3), (4, 'IN_EXECUTION', 'RESOLVED', s.h4)) v(step, f, t, d)
    WHERE v.d IS NOT NULL`;
}

// Local budget: need for 15% of issues of the costly categories, allocated for 70% of those.
const BUDGET_SQL = `INSERT INTO budget_allocation (issue_id, source, kind, amount_kzt, effective_on, created_at)
  SELECT b.id, 'LOCAL', v.kind::"BudgetEntryKind", v.amount, v.d, v.d + time '11:00'
  FROM (
    SELECT i.id, least(DATE '${HORIZON}', i.raised_on + 1 + floor(pg_temp.u(i.id, 20) * 20)::int) AS need_on,
      round(exp(pg_temp.u(i.id, 21) * 8) * 50)::bigint AS need, pg_temp.u(i.id, 22) AS r_alloc,
      pg_temp.u(i.id, 23) AS r_share, pg_temp.u(i.id, 24) AS r_lag
    FROM raised_issue i
    WHERE i.id BETWEEN $1 AND $2 AND i.category_id IN (1, 2, 3, 4, 6) AND pg_temp.u(i.id, 19) < 0.15
  ) b CROSS JOIN LATERAL (VALUES ('NEED', b.need * 1000, b.need_on),
    ('ALLOCATED', CASE WHEN b.r_alloc < 0.7 THEN floor(b.need * (0.5 + 0.5 * b.r_share))::bigint * 1000 END,
      least(DATE '${HORIZON}', b.need_on + 10 + floor(b.r_lag * 80)::int))) v(kind, amount, d)
  WHERE v.amount IS NOT NULL`;

// The central-level list and budget requests: 1% of the costly categories' akim issues go on
// their half-year's list to a body (listed five days after being raised); 60% of those get a request (its id is the issue's) submitted
// 10–40 days after the issue was raised, then pending (15%), approved (40%), approved in part
// at 60% (20%), rejected with a reason (20%) or withdrawn (5%) 20–120 days later.
const REQUESTS_SQL = `WITH src AS (
    SELECT i.id, i.region_id, i.raised_on, b.ids[1 + floor(pg_temp.u(i.id, 31) * array_length(b.ids, 1))::int] AS body_id
    FROM raised_issue i CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM central_body) b
    WHERE i.id BETWEEN $1 AND $2 AND i.meeting_kind = 'AKIM' AND i.deleted_at IS NULL AND i.category_id IN (1, 2, 3, 4, 6) AND pg_temp.u(i.id, 30) < 0.01
  ), esc AS (
    INSERT INTO escalation (issue_id, year, half, central_body_id, created_at, updated_at)
    SELECT id, extract(year FROM raised_on)::int, CASE WHEN extract(month FROM raised_on) <= 6 THEN 1 ELSE 2 END, body_id,
      raised_on + time '12:00', raised_on + time '12:00'
    FROM src RETURNING id, issue_id
  ), inc AS (
    INSERT INTO escalation_inclusion_change (escalation_id, included, effective_on, recorded_at)
    SELECT esc.id, true, least(DATE '${HORIZON}', src.raised_on + 5), least(DATE '${HORIZON}', src.raised_on + 5) + time '12:00'
    FROM esc JOIN src ON src.id = esc.issue_id RETURNING escalation_id
  ), req AS (
    SELECT s.*, (1 + floor(pg_temp.u(s.id, 33) * 200))::bigint * 10000000 AS amount, least(DATE '${HORIZON}', s.raised_on + 10 + floor(pg_temp.u(s.id, 34) * 31)::int) AS sub,
      pg_temp.u(s.id, 35) AS r_fate, 20 + floor(pg_temp.u(s.id, 36) * 101)::int AS lag, floor(pg_temp.u(s.id, 37) * 5)::int AS r_reason
    FROM src s WHERE pg_temp.u(s.id, 32) < 0.6
  ), fate AS (
    SELECT req.*, CASE WHEN r_fate < 0.15 THEN 'SUBMITTED' WHEN r_fate < 0.55 THEN 'APPROVED' WHEN r_fate < 0.75 THEN 'PARTIALLY_APPROVED'
        WHEN r_fate < 0.95 THEN 'REJECTED' ELSE 'WITHDRAWN' END::"BudgetRequestStatus" AS status,
      least(DATE '${HORIZON}', sub + lag) AS dec
    FROM req
  ), br AS (
    INSERT INTO budget_request (id, region_id, central_body_id, amount_kzt, status, submitted_on, decided_on, approved_amount_kzt, rejection_reason, created_at, updated_at)
    SELECT id, region_id, body_id, amount, status, sub, CASE WHEN status IN ('APPROVED', 'PARTIALLY_APPROVED', 'REJECTED') THEN dec END,
      CASE status WHEN 'APPROVED' THEN amount WHEN 'PARTIALLY_APPROVED' THEN amount * 6 / 10 END,
      CASE WHEN status = 'REJECTED' THEN (enum_range(NULL::"BudgetRequestRejection"))[1 + r_reason] END,
      sub + time '12:00', sub + time '12:00'
    FROM fate RETURNING id
  ), bri AS (
    INSERT INTO budget_request_issue (request_id, issue_id) SELECT id, id FROM fate RETURNING request_id
  )
  INSERT INTO budget_request_status_change (request_id, from_status, to_status, approved_amount_kzt, rejection_reason, effective_on, recorded_at)
  SELECT f.id, v.f::"BudgetRequestStatus", v.t::"BudgetRequestStatus", v.approved, v.reason, v.d, v.d + time '12:00' + v.step * interval '1 second'
  FROM fate f CROSS JOIN LATERAL (VALUES
    (0, 'DRAFT', 'SUBMITTED', NULL::bigint, NULL::"BudgetRequestRejection", f.sub),
    (1, 'SUBMITTED', CASE WHEN f.status <> 'SUBMITTED' THEN f.status::text END,
      CASE f.status WHEN 'APPROVED' THEN f.amount WHEN 'PARTIALLY_APPROVED' THEN f.amount * 6 / 10 END,
      CASE WHEN f.status = 'REJECTED' THEN (enum_range(NULL::"BudgetRequestRejection"))[1 + f.r_reason] END,
      CASE WHEN f.status = 'WITHDRAWN' THEN least(f.dec, f.sub + 5) ELSE f.dec END)) v(step, f, t, approved, reason, d)
  WHERE v.t IS NOT NULL`;

/** Secondary indexes of the bulk tables, dropped before the load and rebuilt after (much faster than maintaining them). */
async function secondaryIndexes(client: pg.Client): Promise<Array<{ name: string; def: string }>> {
  const { rows } = await client.query<{ name: string; def: string }>(
    `SELECT quote_ident(ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS def
     FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_class ic ON ic.oid = i.indexrelid
     WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
    [BULK_TABLES],
  );
  return rows;
}

export async function generateData(client: pg.Client, N: number, chunk: number, log: (s: string) => void): Promise<LoadReport> {
  const M = Math.round(N / ISSUES_PER_MEETING);
  const seconds: Record<string, number> = {};
  const rows: Record<string, number> = {};
  const timed = async (name: string, fn: () => Promise<number>) => {
    const t0 = now();
    const n = await fn();
    rows[name] = (rows[name] ?? 0) + n;
    seconds[name] = Math.round(((seconds[name] ?? 0) + (now() - t0) / 1000) * 100) / 100;
    return n;
  };
  // Triggers off (FK checks too: rows are consistent by construction); the summaries the
  // triggers would keep are rebuilt once from the loaded rows below, as a bulk load should.
  await client.query(`SET synchronous_commit = off; SET work_mem = '256MB'; SET maintenance_work_mem = '1GB'`);
  await client.query(`SET session_replication_role = replica`);
  const l = await lookups(client);
  const indexes = await secondaryIndexes(client);
  for (const ix of indexes) await client.query(`DROP INDEX ${ix.name}`);
  const slots = l.regionSlots.split(',').length;
  const sqlM = meetingSql(M, l, slots);
  for (let lo = 1; lo <= M; lo += chunk) {
    const hi = Math.min(M, lo + chunk - 1);
    await timed('meeting', async () => (await client.query(sqlM, [lo, hi])).rowCount ?? 0);
  }
  log(`  meetings: ${rows.meeting} rows in ${seconds.meeting} s`);
  const sqlI = issueSql(M, N);
  for (let lo = 1; lo <= N; lo += chunk) {
    const hi = Math.min(N, lo + chunk - 1);
    const mlo = Math.max(1, Math.floor(((lo - 1) * M) / N)), mhi = Math.min(M, Math.ceil(((hi + 2) * M) / N) + 1);
    const n = await timed('issue_status_change', async () => (await client.query(sqlI, [lo, hi, mlo, mhi])).rowCount ?? 0);
    log(`  issues ${lo}…${hi}: ${n} status changes (${seconds.issue_status_change} s so far)`);
  }
  rows.raised_issue = Number((await client.query('SELECT count(*) AS n FROM raised_issue')).rows[0].n);
  for (let lo = 1; lo <= N; lo += chunk) {
    const hi = Math.min(N, lo + chunk - 1);
    await timed('budget_allocation', async () => (await client.query(BUDGET_SQL, [lo, hi])).rowCount ?? 0);
  }
  log(`  budget allocations: ${rows.budget_allocation} rows in ${seconds.budget_allocation} s`);
  for (let lo = 1; lo <= N; lo += chunk) {
    const hi = Math.min(N, lo + chunk - 1);
    await timed('budget_request_status_change', async () => (await client.query(REQUESTS_SQL, [lo, hi])).rowCount ?? 0);
  }
  log(`  list entries and budget requests: ${rows.budget_request_status_change} request steps in ${seconds.budget_request_status_change} s`);
  await client.query(`RESET session_replication_role; RESET synchronous_commit`);
  for (const t of ['meeting', 'raised_issue', 'escalation', 'escalation_inclusion_change', 'budget_request', 'budget_request_status_change']) {
    await client.query(`SELECT setval(pg_get_serial_sequence('"${t}"', 'id'), GREATEST((SELECT max(id) FROM "${t}"), 1))`);
  }
  await timed('indexes', async () => {
    for (const ix of indexes) await client.query(ix.def);
    return indexes.length;
  });
  log(`  ${indexes.length} secondary indexes rebuilt in ${seconds.indexes} s`);
  await timed('vacuum_analyze', async () => (await client.query('VACUUM (ANALYZE)'), 0));
  log(`  VACUUM ANALYZE: ${seconds.vacuum_analyze} s`);
  // After ANALYZE: the rebuild's plans need the loaded tables' statistics.
  const { rows: rebuild } = await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM pg_proc WHERE proname = 'stat_rebuild'`);
  if (rebuild[0]?.n) {
    await timed('summaries', async () => (await client.query('SELECT stat_rebuild()'), await client.query('VACUUM (ANALYZE) stat_issue_cube, stat_issue_contrib, stat_meeting_cube'), 0));
    log(`  summary tables rebuilt in ${seconds.summaries} s`);
  }
  return { rows, seconds };
}
