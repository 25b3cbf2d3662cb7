import pg from 'pg';

// Statistics read a streaming replica (DATABASE_REPLICA_URL), with three rules that keep them honest:
// - read-your-writes: after a write through this process's primary pool, a statistics read first
//   waits (at most `freshWaitMs`) until the replica has replayed the primary's WAL up to where it
//   stood after that write; if it has not, that read goes to the primary. Writes made by other
//   processes are not waited for: they show once replayed, usually within milliseconds.
// - failover: a replica that cannot be reached (refused, `connectTimeoutMs`, dropped) sends the
//   read to the primary in the same request, logs it once, and opens a breaker: later reads go
//   straight to the primary, while a probe in the background retries the replica every `retryMs`.
// - lag: `lag()` says when the replica serving the figures is more than a minute behind, and as of when.
// Routing happens at the pg.Pool level, so Prisma, raw SQL and transactions all follow it.

export type ReplicaOptions = { connectTimeoutMs: number; retryMs: number; freshWaitMs: number };
type Log = (message: string) => void;

// Statements that change nothing; anything else run on the primary counts as a write.
const READ_ONLY = /^\s*(select|show|begin|start\s+transaction|set|rollback|release|savepoint|deallocate|discard|reset|explain(?!\s+analy[sz]e))\b/i;
const sqlText = (q: unknown) => (typeof q === 'string' ? q : (q as { text?: unknown } | null)?.text);
const isWrite = (q: unknown) => {
  const text = sqlText(q);
  return typeof text === 'string' && !READ_ONLY.test(text);
};

type AnyFn = (...args: unknown[]) => unknown;

/** A pg.Client class that calls `onWrite` each time a write (or a COMMIT) on it succeeds. */
export function writeWatchingClient(onWrite: () => void): typeof pg.Client {
  return class WriteWatchingClient extends pg.Client {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads, passed through
    override query(...args: any[]): any {
      const original = pg.Client.prototype.query as AnyFn;
      if (!isWrite(args[0])) return original.apply(this, args);
      const last = args.length - 1;
      if (typeof args[last] === 'function') {
        const callback = args[last] as AnyFn;
        args[last] = (error: unknown, result: unknown) => {
          if (!error) onWrite();
          return callback(error, result);
        };
        return original.apply(this, args);
      }
      const result = original.apply(this, args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        (result as Promise<unknown>).then(() => onWrite(), () => undefined);
      }
      return result;
    }
  };
}

/** The replica is out of reach (as opposed to a query that is wrong). */
export function isUnavailable(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  if (!e) return false;
  const code = e.code ?? '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'].includes(code)) return true;
  // 08: connection exceptions; 57P01-03: shut down or still starting; 53300: too many connections.
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
  return /Connection terminated|timeout exceeded when trying to connect|Connection refused|connection error/i.test(e.message ?? '');
}

// A standby cancels a query whose rows recovery must remove; the primary answers it instead.
const isRecoveryConflict = (error: unknown) => /conflict with recovery/i.test((error as Error | null)?.message ?? '');

export type ReplicaRouter = {
  /** The pool statistics read through: the replica's, with the routing above. */
  statsPool: pg.Pool;
  /** Call after a write through the primary: the next statistics read waits for the replica to replay it. */
  noteWrite: () => void;
  /** When the figures come from a replica more than `thresholdMs` behind, the time of its last replayed transaction. */
  lag: (options?: { now?: Date; thresholdMs?: number }) => Promise<Date | null>;
};

export function createReplicaRouter(primary: pg.Pool, replicaConfig: pg.PoolConfig, options: ReplicaOptions, log: Log): ReplicaRouter {
  let writes = 0; // writes seen on the primary
  let replayed = 0; // of those, how many the replica is known to have replayed
  let sync: { upTo: number; done: Promise<boolean> } | null = null;
  let skipWaitUntil = 0; // after a wait that timed out, read the primary without waiting for a while
  let open = false; // the breaker: the replica failed, reads go to the primary
  let nextProbeAt = 0;
  let probing = false;

  const poolQuery = pg.Pool.prototype.query as AnyFn;
  const poolConnect = pg.Pool.prototype.connect as AnyFn;

  class StatsPool extends pg.Pool {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads, passed through
    override query(...args: any[]): any {
      if (typeof args[args.length - 1] === 'function') return poolQuery.apply(this, args); // callback form: Prisma does not use it
      return routed((onReplica) => (onReplica ? poolQuery.apply(this, args) : poolQuery.apply(primary, args)) as Promise<unknown>);
    }

    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pg's overloads, passed through
    override connect(...args: any[]): any {
      if (typeof args[0] === 'function') return poolConnect.apply(this, args);
      return routed((onReplica) => (onReplica ? poolConnect.call(this) : poolConnect.call(primary)) as Promise<unknown>);
    }
  }

  const statsPool = new StatsPool({ ...replicaConfig, connectionTimeoutMillis: options.connectTimeoutMs });
  // An idle replica connection dropped (the replica stopped) must not take the process down.
  statsPool.on('error', (error) => trip(error));
  const direct = async (text: string, values?: unknown[]) => (await (poolQuery.call(statsPool, text, values) as Promise<pg.QueryResult>)).rows;

  function trip(error: unknown): void {
    nextProbeAt = Date.now() + options.retryMs;
    if (open) return;
    open = true;
    log(`Replica unavailable (${(error as Error)?.message ?? error}): statistics are read from the primary; retrying the replica every ${options.retryMs / 1000} s`);
  }

  function probeIfDue(): void {
    if (probing || Date.now() < nextProbeAt) return;
    probing = true;
    direct('SELECT 1')
      .then(() => {
        open = false;
        log('Replica reachable again: statistics are read from it');
      }, () => {
        nextProbeAt = Date.now() + options.retryMs;
      })
      .finally(() => {
        probing = false;
      });
  }

  // Has the replica replayed every write this process made so far? Waits up to freshWaitMs.
  function caughtUp(): Promise<boolean> {
    const upTo = writes;
    if (sync && sync.upTo >= upTo) return sync.done;
    const done = (async () => {
      const [{ lsn }] = (await poolQuery.call(primary, 'SELECT pg_current_wal_lsn()::text AS lsn') as pg.QueryResult).rows;
      const deadline = Date.now() + options.freshWaitMs;
      for (;;) {
        // A server that is not a standby (a copy kept some other way) has no replay position to wait for.
        const [row] = await direct('SELECT coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, NOT pg_is_in_recovery()) AS ok', [lsn]);
        if (row?.ok) {
          replayed = Math.max(replayed, upTo);
          return true;
        }
        if (Date.now() >= deadline) return false;
        await new Promise((r) => setTimeout(r, 10));
      }
    })();
    const entry = { upTo, done };
    sync = entry;
    void done.catch(() => undefined).finally(() => {
      if (sync === entry) sync = null;
    });
    return done;
  }

  async function replicaServes(): Promise<boolean> {
    if (open) {
      probeIfDue();
      return false;
    }
    if (replayed >= writes) return true;
    if (Date.now() < skipWaitUntil) return false;
    try {
      if (await caughtUp()) return true;
      skipWaitUntil = Date.now() + options.retryMs / 6;
      return false;
    } catch (error) {
      // Whatever broke the check, the primary can still answer the read.
      if (isUnavailable(error)) trip(error);
      else log(`Replica replay check failed (${(error as Error)?.message ?? error}): this read goes to the primary`);
      return false;
    }
  }

  async function routed<T>(attempt: (onReplica: boolean) => Promise<T>): Promise<T> {
    if (!(await replicaServes())) return attempt(false);
    try {
      return await attempt(true);
    } catch (error) {
      if (isUnavailable(error)) trip(error);
      else if (!isRecoveryConflict(error)) throw error;
      return attempt(false);
    }
  }

  async function lag({ now = new Date(), thresholdMs = 60_000 }: { now?: Date; thresholdMs?: number } = {}): Promise<Date | null> {
    if (!(await replicaServes())) return null;
    try {
      const [{ lsn }] = (await poolQuery.call(primary, 'SELECT pg_current_wal_lsn()::text AS lsn') as pg.QueryResult).rows;
      const [row] = await direct(
        'SELECT pg_is_in_recovery() AS standby, coalesce(pg_last_wal_replay_lsn() >= $1::pg_lsn, false) AS "caughtUp", pg_last_xact_replay_timestamp() AS "replayedAt"',
        [lsn],
      );
      // Caught up is current, however long ago the last transaction was.
      if (!row?.standby || row.caughtUp || !row.replayedAt) return null;
      const replayedAt = row.replayedAt as Date;
      if (now.getTime() - replayedAt.getTime() <= thresholdMs) return null;
      // After a quiet spell the last transaction is old while a new one is milliseconds from replay:
      // only a replica still behind after a short wait is reported.
      const deadline = Date.now() + options.freshWaitMs;
      while (Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 20));
        const [again] = await direct('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS "caughtUp"', [lsn]);
        if (again?.caughtUp) return null;
      }
      return replayedAt;
    } catch (error) {
      if (isUnavailable(error)) trip(error);
      else log(`Replica lag check failed (${(error as Error)?.message ?? error})`);
      return null;
    }
  }

  return {
    statsPool,
    noteWrite: () => {
      writes += 1;
    },
    lag,
  };
}
