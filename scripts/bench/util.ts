import { parseArgs } from 'node:util';
import pg from 'pg';

// Options, timing and small helpers shared by the stats benchmark.

export type Options = {
  url: string; issues: number; requests: number; sqlRuns: number; writes: number; warmup: number;
  budget: number; chunk: number; dbName: string; reuse: boolean; keep: boolean; verify: boolean; port: number | null;
};

const USAGE = `npm run bench:stats -- [--url postgresql://postgres@127.0.0.1:5432/postgres] [--issues 1000000]
  [--requests 200] [--sql-runs 20] [--writes 200] [--warmup 20] [--budget 60] [--chunk 1000000] [--db kz_bench_<issues>]
  [--reuse] [--keep] [--no-verify] [--port N]`;

const count = (name: string, v: string | undefined, fallback: number): number => {
  if (v === undefined) return fallback;
  const n = Number(v.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number, got ${v}\n${USAGE}`);
  return n;
};

export function readOptions(argv = process.argv.slice(2)): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      url: { type: 'string' }, issues: { type: 'string' }, requests: { type: 'string' }, 'sql-runs': { type: 'string' },
      writes: { type: 'string' }, warmup: { type: 'string' }, budget: { type: 'string' }, chunk: { type: 'string' }, db: { type: 'string' },
      reuse: { type: 'boolean' }, keep: { type: 'boolean' }, 'no-verify': { type: 'boolean' }, port: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const issues = count('issues', values.issues, 1_000_000);
  if (issues < 1000) throw new Error('--issues must be at least 1000');
  const dbName = values.db ?? `kz_bench_${issues}`;
  if (!/^kz_bench_[a-z0-9_]+$/.test(dbName)) throw new Error('--db must be named kz_bench_<something> (lower case)');
  return {
    url: values.url ?? process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres',
    issues, dbName,
    requests: count('requests', values.requests, 200),
    sqlRuns: count('sql-runs', values['sql-runs'], 20),
    writes: count('writes', values.writes, 200),
    warmup: count('warmup', values.warmup, 20),
    budget: Math.max(1, count('budget', values.budget, 60)),
    chunk: Math.max(10_000, count('chunk', values.chunk, 1_000_000)),
    reuse: values.reuse ?? false, keep: values.keep ?? false, verify: !values['no-verify'],
    port: values.port ? count('port', values.port, 0) : null,
  };
}

/** The same server URL with another database name. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

export const now = () => performance.now();

/** Runs one phase, printing and returning its wall time in seconds. */
export async function phase<T>(timings: Record<string, number>, name: string, fn: () => Promise<T>): Promise<T> {
  const started = now();
  process.stdout.write(`• ${name}…\n`);
  const result = await fn();
  const seconds = (now() - started) / 1000;
  timings[name] = Math.round(seconds * 100) / 100;
  console.log(`  ${name}: ${seconds.toFixed(1)} s`);
  return result;
}

export type Latency = { n: number; p50: number; p95: number; max: number; mean: number; perSecond: number; errors: number };

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest-rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

/**
 * The one timing method used for HTTP, SQL and writes: `total` calls of `fn`, `concurrency` of them
 * in flight at a time, each timed from just before the call to its settled result (milliseconds).
 */
export async function measure(total: number, concurrency: number, fn: (i: number) => Promise<unknown>): Promise<Latency> {
  const times: number[] = [];
  let next = 0;
  let errors = 0;
  const started = now();
  const worker = async () => {
    while (next < total) {
      const i = next++;
      const t0 = now();
      try {
        await fn(i);
      } catch {
        errors += 1;
      }
      times.push(now() - t0);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return latencyOf(times, (now() - started) / 1000, errors);
}

/** Percentiles and throughput of a set of timings (milliseconds) taken over `wall` seconds. */
export function latencyOf(times: readonly number[], wall: number, errors = 0): Latency {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (v: number) => Math.round(v * 100) / 100;
  return {
    n: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(sorted.reduce((s, t) => s + t, 0) / Math.max(1, sorted.length)), perSecond: round(sorted.length / wall), errors,
  };
}

/** A small seeded generator (mulberry32) for picking rows in the write benchmark. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
