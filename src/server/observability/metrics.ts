import client from 'prom-client';

// Prometheus metrics for GET /api/metrics. The registry lives on globalThis: the app's own
// server (scripts/serve.ts) records request durations and Next's handlers record imports,
// in one process but from two copies of this module (Next bundles its own).

export type PoolState = { pool: string; total: number; idle: number; waiting: number };
export type TriggerStat = { fn: string; calls: number; totalMs: number; selfMs: number };

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'kezdesu_' });
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  return {
    registry,
    httpDuration: new client.Histogram({
      name: 'kezdesu_http_request_duration_seconds',
      help: 'Requests by route pattern (never a raw path), method and status',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: seconds,
      registers: [registry],
    }),
    importRows: new client.Counter({
      name: 'kezdesu_import_rows_total',
      help: 'Spreadsheet rows written by import commits; rate() of it is the rows per second',
      registers: [registry],
    }),
    importCommitDuration: new client.Histogram({
      name: 'kezdesu_import_commit_duration_seconds',
      help: 'Import commits that wrote rows, from the start of the transaction to its end',
      buckets: [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600],
      registers: [registry],
    }),
    dbPool: new client.Gauge({
      name: 'kezdesu_db_pool_connections',
      help: 'Database pool connections at scrape time: total, idle, and requests waiting for one',
      labelNames: ['pool', 'state'] as const,
      registers: [registry],
    }),
    triggerTracking: new client.Gauge({
      name: 'kezdesu_summary_trigger_tracking',
      help: '1 when the database tracks function time (track_functions = pl or all), 0 when the trigger figures below are absent',
      registers: [registry],
    }),
    // Cumulative figures the database keeps (pg_stat_user_functions): counters, set at each scrape.
    triggerCalls: new client.Counter({
      name: 'kezdesu_summary_trigger_calls_total',
      help: 'Calls of each stat_* summary function (the triggers and the refreshes they call), from pg_stat_user_functions',
      labelNames: ['function'] as const,
      registers: [registry],
    }),
    triggerSeconds: new client.Counter({
      name: 'kezdesu_summary_trigger_seconds_total',
      help: 'Seconds in each stat_* summary function (the triggers and the refreshes they call), including what it calls, from pg_stat_user_functions',
      labelNames: ['function'] as const,
      registers: [registry],
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for('kezdesu.metrics');
const holder = globalThis as typeof globalThis & { [KEY]?: Metrics };

export function metrics(): Metrics {
  return (holder[KEY] ??= createMetrics());
}

export function setPoolStates(states: PoolState[]): void {
  const { dbPool } = metrics();
  dbPool.reset();
  for (const s of states) {
    dbPool.set({ pool: s.pool, state: 'total' }, s.total);
    dbPool.set({ pool: s.pool, state: 'idle' }, s.idle);
    dbPool.set({ pool: s.pool, state: 'waiting' }, s.waiting);
  }
}

export function setTriggerStats(tracking: boolean, stats: TriggerStat[]): void {
  const { triggerTracking, triggerCalls, triggerSeconds } = metrics();
  triggerTracking.set(tracking ? 1 : 0);
  triggerCalls.reset();
  triggerSeconds.reset();
  for (const s of stats) {
    triggerCalls.inc({ function: s.fn }, s.calls);
    triggerSeconds.inc({ function: s.fn }, s.totalMs / 1000);
  }
}

export function recordImportCommit(rows: number, seconds: number): void {
  const m = metrics();
  m.importRows.inc(rows);
  m.importCommitDuration.observe(seconds);
}
