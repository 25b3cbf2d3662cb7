// With DATABASE_REPLICA_URL set, statistics read the replica while records stay on the
// primary. Two separate databases stand in for primary and replica, so the test can tell them apart.
import type pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parsePeriod, type Period } from '@/lib/period';
import { createIssue, createMeeting } from '../factories/issues';
import { createReference } from '../factories/reference';
import { createTestDatabase, sqlPool, type TestDatabase } from '../support/database';

let primary: TestDatabase;
let replica: TestDatabase;
let replicaPool: pg.Pool;

beforeAll(async () => {
  [primary, replica] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  replicaPool = sqlPool(replica.url);
  const ref = await createReference(replicaPool);
  const m = await createMeeting(replicaPool, ref, { heldOn: '2031-03-01' });
  await createIssue(replicaPool, ref, m, [{ to: 'RESOLVED', on: '2031-03-10' }]);
  await createIssue(replicaPool, ref, m);
  process.env.DATABASE_URL = primary.url;
  process.env.DATABASE_REPLICA_URL = replica.url;
});

afterAll(async () => {
  const { db, statsDb } = await import('@/server/db/client');
  await statsDb().$disconnect().catch(() => undefined);
  await db().$disconnect();
  await replicaPool?.end();
  await Promise.all([primary?.drop(), replica?.drop()]);
  delete process.env.DATABASE_REPLICA_URL;
});

it('reads statistics from the replica and records from the primary', async () => {
  const { nationalFilter } = await import('@/server/stats/filters');
  const { getFigures } = await import('@/server/stats/queries/summary');
  const { db } = await import('@/server/db/client');
  const figures = await getFigures(nationalFilter(parsePeriod('2031-H1') as Period, '2031-06-30'));
  expect(figures).toMatchObject({ meetings: 1, issuesRaised: 2, issuesResolved: 1, resolutionRate: 0.5 });
  expect(await db().raisedIssue.count()).toBe(0);
});
