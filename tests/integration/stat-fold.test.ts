// The summary cubes change at commit (migration *_stat_fold_at_commit): the triggers append deltas to
// stat_pending and a deferred constraint trigger folds them in. Whatever the transaction does (roll
// back, savepoints, an early SET CONSTRAINTS), the cubes after it must equal a rebuild from the raw rows,
// and a writer must not wait on another's open transaction for the national rows.
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createIssue, createMeeting } from '../factories/issues';
import { createReference, type Reference } from '../factories/reference';
import { NEEDS_REAL_SERVER, hasRealServer, openAppDatabase, type AppDatabase } from '../support/database';

let database: AppDatabase;
let pool: pg.Pool;
let ref: Reference;

beforeAll(async () => {
  database = await openAppDatabase();
  pool = database.pool;
  ref = await createReference(pool);
});

afterAll(async () => {
  await database?.close();
});

const CUBES = `
  SELECT 'i' AS c, measure::text, kind::text, grain::text, region_id::text, category_id::text, line, m1::text, m2::text, state, n::text
  FROM stat_issue_cube WHERE n <> 0
  UNION ALL SELECT 'm', '', kind::text, grain::text, region_id::text, '', line, month::text, '', '', n::text FROM stat_meeting_cube WHERE n <> 0
  UNION ALL SELECT 'c', '', kind::text, grain::text, region_id::text, category_id::text, line, month::text, '', '', n::text
  FROM stat_meeting_category_cube WHERE n <> 0
  ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`;

/** The cubes as they are, then as a rebuild from the raw rows makes them (in a transaction rolled back). */
async function cubesAndRebuilt(): Promise<[unknown[], unknown[]]> {
  const client = await pool.connect();
  try {
    const now = (await client.query(CUBES)).rows;
    await client.query('BEGIN');
    await client.query('SELECT stat_rebuild()');
    const rebuilt = (await client.query(CUBES)).rows;
    await client.query('ROLLBACK');
    return [now, rebuilt];
  } finally {
    client.release();
  }
}

const nationalMeetings = async (db: pg.ClientBase | pg.Pool, month: string) =>
  Number((await db.query(`SELECT coalesce(sum(n), 0) AS n FROM stat_meeting_cube WHERE kind = 'AKIM' AND grain = 0 AND month = $1`, [month])).rows[0].n);
const pendingLeft = async (db: pg.ClientBase | pg.Pool) =>
  Number((await db.query('SELECT (SELECT count(*) FROM stat_pending) + (SELECT count(*) FROM stat_pending_tx) AS n')).rows[0].n);

// One connection throughout: the embedded database has one.
it('applies a transaction\'s changes at its commit, drops them with a rollback or a rolled-back savepoint, and equals a rebuild', async () => {
  const client = await pool.connect();
  try {
    const before = await nationalMeetings(client, '2025-03-01');
    await client.query('BEGIN');
    const meeting = await createMeeting(client, ref, { heldOn: '2025-03-04' });
    await createIssue(client, ref, meeting, [{ to: 'IN_EXECUTION', on: '2025-03-10' }, { to: 'RESOLVED', on: '2025-04-02' }]);
    // Pending, not yet in the cubes.
    expect(await nationalMeetings(client, '2025-03-01')).toBe(before);
    expect(Number((await client.query('SELECT count(*) AS n FROM stat_pending_tx')).rows[0].n)).toBe(1);
    await client.query('COMMIT');
    expect(await nationalMeetings(client, '2025-03-01')).toBe(before + 1);
    expect(await pendingLeft(client)).toBe(0);

    await client.query('BEGIN');
    await createIssue(client, ref, await createMeeting(client, ref, { heldOn: '2025-03-05' }));
    await client.query('ROLLBACK');
    expect(await nationalMeetings(client, '2025-03-01')).toBe(before + 1);
    expect(await pendingLeft(client)).toBe(0);

    // A savepoint rolled back (with the marker its first write inserted), then more writes; and a
    // fold run early by SET CONSTRAINTS, then more writes, which must queue a fold of their own.
    await client.query('BEGIN');
    await client.query('SAVEPOINT a');
    await createIssue(client, ref, await createMeeting(client, ref, { heldOn: '2025-03-06' }));
    await client.query('ROLLBACK TO SAVEPOINT a');
    const kept = await createMeeting(client, ref, { heldOn: '2025-03-07' });
    await createIssue(client, ref, kept, [{ to: 'RESOLVED', on: '2025-03-20' }]);
    await client.query('SET CONSTRAINTS ALL IMMEDIATE');
    expect(await nationalMeetings(client, '2025-03-01')).toBe(before + 2);
    await client.query('SET CONSTRAINTS ALL DEFERRED');
    await createIssue(client, ref, await createMeeting(client, ref, { heldOn: '2025-03-08' }));
    await client.query(`UPDATE raised_issue SET deleted_at = now() WHERE meeting_id = $1`, [kept.id]);
    await client.query(`UPDATE meeting SET held_on = '2025-05-01' WHERE id = $1`, [meeting.id]);
    await client.query('COMMIT');
    expect(await nationalMeetings(client, '2025-03-01')).toBe(before + 2);
    expect(await nationalMeetings(client, '2025-05-01')).toBe(1);
    expect(await pendingLeft(client)).toBe(0);
  } finally {
    client.release();
  }
  const [now, rebuilt] = await cubesAndRebuilt();
  expect(now).toEqual(rebuilt);
});

it.skipIf(!hasRealServer)(`lets a writer commit while another transaction's writes to the same national rows are open ${NEEDS_REAL_SERVER}`, async () => {
  const a = await pool.connect();
  const b = await pool.connect();
  try {
    const before = await nationalMeetings(pool, '2025-07-01');
    await a.query('BEGIN');
    await createIssue(a, ref, await createMeeting(a, ref, { heldOn: '2025-07-01' }));
    // Before the fold at commit, b queued here on a's lock of the national row until a ended.
    await b.query(`SET lock_timeout = '10s'`);
    await b.query('BEGIN');
    await createIssue(b, ref, await createMeeting(b, ref, { heldOn: '2025-07-02' }));
    await b.query('COMMIT');
    expect(await nationalMeetings(pool, '2025-07-01')).toBe(before + 1);
    await a.query('COMMIT');
    expect(await nationalMeetings(pool, '2025-07-01')).toBe(before + 2);
  } finally {
    await b.query('RESET lock_timeout');
    a.release();
    b.release();
  }
  const [now, rebuilt] = await cubesAndRebuilt();
  expect(now).toEqual(rebuilt);
});
