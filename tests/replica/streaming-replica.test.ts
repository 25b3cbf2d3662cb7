// Statistics on a real streaming replica (a PostgreSQL 15 primary and a hot standby built by
// scripts/db/replica-cluster.ts): reads go to the replica, writes to the primary, a read after
// this process's write sees it, a stopped replica sends reads to the primary at once (logged),
// and a replica that stopped replaying is reported with the time it stands at.
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createTranslator } from 'next-intl';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parsePeriod, type Period } from '@/lib/period';
import { type ReplicaCluster, startNode, startReplicaCluster, stopNode, stopReplicaCluster, waitForStreaming } from '../../scripts/db/replica-cluster';
import { createIssue, createMeeting } from '../factories/issues';
import { createReference, type Reference } from '../factories/reference';
import { sqlPool } from '../support/database';
import { loadCatalogue } from '../support/messages';

const dir = path.join(os.tmpdir(), `kezdesu-replica-test-${process.pid}`);
const basePort = process.env.REPLICA_TEST_PORT ? Number(process.env.REPLICA_TEST_PORT) : undefined;
const RETRY_SECONDS = 2;

let cluster: ReplicaCluster;
let primaryPool: pg.Pool;
let replicaPool: pg.Pool;
let ref: Reference;

const app = async () => ({
  ...(await import('@/server/db/client')),
  ...(await import('@/server/stats/queries/summary')),
  ...(await import('@/server/stats/filters')),
});
const H1 = () => parsePeriod('2031-H1') as Period;

async function figures() {
  const { getFigures, nationalFilter } = await app();
  return getFigures(nationalFilter(H1(), '2031-06-30'));
}

/** Which server answered the stats client: true for the standby. */
async function statsFromReplica(): Promise<boolean> {
  const { statsDb } = await app();
  const [row] = await statsDb().$queryRaw<Array<{ r: boolean }>>`SELECT pg_is_in_recovery() AS r`;
  return row!.r;
}

/** Waits until the replica has replayed everything the primary wrote so far. */
async function replayed(): Promise<void> {
  const { lsn } = (await primaryPool.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!;
  await vi.waitFor(async () => {
    const { rows: [row] } = await replicaPool.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn]);
    expect(row!.ok).toBe(true);
  }, { timeout: 20_000, interval: 50 });
}

/** A meeting written the way the app writes: through its primary client. */
async function saveMeetingThroughApp(heldOn: string) {
  const { db } = await app();
  return db().meeting.create({
    data: { kind: 'AKIM', officialId: ref.akimId, regionId: ref.regionId, akimLevel: 'REGION', heldOn: new Date(`${heldOn}T00:00:00Z`), venue: 'HOUSE_OF_CULTURE', attendance: 10 },
  });
}

beforeAll(async () => {
  cluster = await startReplicaCluster({ dir, primaryPort: basePort, replicaPort: basePort && basePort + 1 });
  const { applyMigrations } = await import('@/server/db/migrations');
  await applyMigrations(cluster.primaryUrl);
  primaryPool = sqlPool(cluster.primaryUrl);
  replicaPool = sqlPool(cluster.replicaUrl);
  ref = await createReference(primaryPool);
  const m = await createMeeting(primaryPool, ref, { heldOn: '2031-03-01' });
  await createIssue(primaryPool, ref, m, [{ to: 'RESOLVED', on: '2031-03-10' }]);
  await createIssue(primaryPool, ref, m);
  await replayed();
  // Before the app's modules first read the environment.
  process.env.DATABASE_URL = cluster.primaryUrl;
  process.env.DATABASE_REPLICA_URL = cluster.replicaUrl;
  process.env.DB_REPLICA_RETRY_SECONDS = String(RETRY_SECONDS);
  process.env.DB_REPLICA_WAIT_MS = '300';
});

afterAll(async () => {
  if (cluster) {
    const { closeDb } = await import('@/server/db/client');
    await closeDb();
  }
  await primaryPool?.end();
  await replicaPool?.end();
  await stopReplicaCluster(dir);
});

describe('with a streaming replica', () => {
  it('reads statistics from the replica and writes to the primary', async () => {
    expect(await statsFromReplica()).toBe(true);
    expect(await figures()).toMatchObject({ meetings: 1, issuesRaised: 2, issuesResolved: 1 });

    const { db } = await app();
    const [row] = await db().$queryRaw<Array<{ r: boolean }>>`SELECT pg_is_in_recovery() AS r`;
    expect(row!.r).toBe(false);
    const saved = await saveMeetingThroughApp('2031-04-01');
    const { rowCount } = await primaryPool.query('SELECT 1 FROM meeting WHERE id = $1', [saved.id]);
    expect(rowCount).toBe(1);
    // The standby refuses writes outright, so the row can only have come to it through replication.
    await expect(replicaPool.query('DELETE FROM meeting WHERE id = $1', [saved.id])).rejects.toThrow(/read-only transaction/);
    await replayed();
    expect((await figures()).meetings).toBe(2);
    expect(await statsFromReplica()).toBe(true);
  });

  it('sees its own write at once: the primary answers while the replica has not replayed it', async () => {
    const before = (await figures()).meetings;
    await replicaPool.query('SELECT pg_wal_replay_pause()');
    try {
      await saveMeetingThroughApp('2031-05-01');
      expect((await figures()).meetings).toBe(before + 1);
      expect(await statsFromReplica()).toBe(false);
      // The replica really is behind: without the rule above the figures would be stale.
      const { rows: [stale] } = await replicaPool.query<{ n: number }>("SELECT count(*)::int AS n FROM meeting WHERE held_on BETWEEN '2031-01-01' AND '2031-06-30' AND deleted_at IS NULL");
      expect(stale!.n).toBe(before);
    } finally {
      await replicaPool.query('SELECT pg_wal_replay_resume()');
    }
    await replayed();
    // Past the short pause after a timed-out wait, a write the replica replays promptly is read from it.
    await new Promise((r) => setTimeout(r, (RETRY_SECONDS * 1000) / 6 + 100));
    await saveMeetingThroughApp('2031-05-02');
    const started = performance.now();
    expect((await figures()).meetings).toBe(before + 2);
    console.info(`read after a write, replica caught up: ${(performance.now() - started).toFixed(0)} ms (figures: 3 queries, with the LSN check)`);
    const again = performance.now();
    await figures();
    console.info(`the same read with no write since: ${(performance.now() - again).toFixed(0)} ms`);
    expect(await statsFromReplica()).toBe(true);
  });

  it('reports a replica more than a minute behind, with the time of its last replayed transaction', async () => {
    const { replicaLag } = await app();
    await createMeeting(primaryPool, ref, { heldOn: '2031-06-01' });
    await replayed();
    await replicaPool.query('SELECT pg_wal_replay_pause()');
    try {
      // Another instance's write, which the paused replica does not replay.
      await createMeeting(primaryPool, ref, { heldOn: '2031-06-02' });
      const { at } = (await replicaPool.query<{ at: Date }>('SELECT pg_last_xact_replay_timestamp() AS at')).rows[0]!;
      expect(await replicaLag()).toBeNull(); // behind, but by seconds
      const inAMinute = new Date(at.getTime() + 61_000);
      const lag = await replicaLag({ now: inAMinute });
      expect(lag?.getTime()).toBe(at.getTime());
      expect(await replicaLag({ now: inAMinute, thresholdMs: 120_000 })).toBeNull();
      // What the figures' source line adds, in Astana time (UTC+5 since 2024-03-01).
      const { replicaAsOfLabel } = await import('@/features/dashboard/replica-note');
      const time = await replicaAsOfLabel('ru', inAMinute);
      expect(time).toBe(new Date(at.getTime() + 5 * 3600_000).toISOString().slice(11, 16));
      const t = createTranslator({ locale: 'ru', messages: loadCatalogue('ru') as never }) as unknown as (key: string, values: Record<string, string>) => string;
      expect(t('overview.replicaAsOf', { time: time! })).toBe(`(данные реплики на ${time})`);
      expect(await replicaAsOfLabel('ru')).toBeNull();
    } finally {
      await replicaPool.query('SELECT pg_wal_replay_resume()');
    }
    await replayed();
    // Caught up, it is current however long ago its last transaction was.
    expect(await replicaLag({ now: new Date(Date.now() + 3600_000) })).toBeNull();
  });

  it('falls back to the primary within the request when the replica stops, logs it, and returns to the replica', async () => {
    const { logger } = await import('@/server/observability/logger');
    const warn = vi.spyOn(logger, 'warn').mockImplementation(() => undefined);
    try {
      const expected = await figures();
      expect(await statsFromReplica()).toBe(true);
      await stopNode(cluster, 'replica', 'immediate');

      const started = performance.now();
      expect(await figures()).toEqual(expected);
      console.info(`stopped replica: the first request's figures, from the primary, in ${(performance.now() - started).toFixed(0)} ms`);
      expect(await statsFromReplica()).toBe(false);
      expect(warn.mock.calls.flat().join('\n')).toMatch(/Replica unavailable.*statistics are read from the primary/);
      const { replicaLag } = await app();
      expect(await replicaLag({ now: new Date(Date.now() + 3600_000) })).toBeNull();
      const trips = warn.mock.calls.filter(([m]) => /Replica unavailable/.test(String(m))).length;
      expect(await figures()).toEqual(expected);
      expect(warn.mock.calls.filter(([m]) => /Replica unavailable/.test(String(m))).length).toBe(trips);

      await startNode(cluster, 'replica');
      await waitForStreaming(cluster);
      // The breaker's background probe finds it again.
      await vi.waitFor(async () => expect(await statsFromReplica()).toBe(true), { timeout: 30_000, interval: 200 });
      expect(warn.mock.calls.flat().join('\n')).toMatch(/Replica reachable again/);
      expect(await figures()).toEqual(expected);
    } finally {
      warn.mockRestore();
      await startNode(cluster, 'replica').catch(() => undefined);
    }
  });
});

describe('a replica that does not answer', () => {
  it('costs one connect timeout: the breaker sends later reads to the primary without trying it', async () => {
    // A socket that accepts and then says nothing, like a replica whose machine hangs.
    const accepted: net.Socket[] = [];
    const silent = net.createServer((socket) => accepted.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { createReplicaRouter } = await import('@/server/db/replica');
    const primary = new pg.Pool({ connectionString: cluster.primaryUrl, max: 2 });
    const logged: string[] = [];
    const router = createReplicaRouter(
      primary,
      { connectionString: `postgresql://postgres@127.0.0.1:${(silent.address() as net.AddressInfo).port}/postgres`, max: 2 },
      { connectTimeoutMs: 300, retryMs: 60_000, freshWaitMs: 100 },
      (m) => logged.push(m),
    );
    try {
      const times: number[] = [];
      for (let i = 0; i < 4; i++) {
        const started = performance.now();
        const { rows } = await router.statsPool.query<{ r: boolean }>('SELECT pg_is_in_recovery() AS r');
        times.push(performance.now() - started);
        expect(rows[0]!.r).toBe(false);
      }
      expect(accepted).toHaveLength(1);
      expect(logged).toHaveLength(1);
      expect(logged[0]).toMatch(/Replica unavailable/);
      console.info(`hung replica: first read ${times[0]!.toFixed(0)} ms (connect timeout 300 ms), next ${times.slice(1).map((t) => t.toFixed(1)).join(', ')} ms`);
    } finally {
      accepted.forEach((s) => s.destroy());
      await router.statsPool.end().catch(() => undefined);
      await primary.end();
      await new Promise((r) => silent.close(r));
    }
  });
});
