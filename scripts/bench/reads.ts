import pg from 'pg';
import type { Row } from './report';
import { measure, now } from './util';

// Read measurements: HTTP requests to the app and plain SQL to the database, timed the same way
// (util.measure): a warm-up, then n sequential calls, then n calls with 4 in flight.
// A slow call gets fewer runs: each series (warm-up, sequential, concurrent) is cut to fit
// `budgetS` seconds, never below 5 runs; the table shows the n actually used.

export type Plan = { warmup: number; runs: number; budgetS: number };

/** Warms up (the first call already done took firstMs), then returns how many runs fit the budget. */
async function warmUp(once: () => Promise<unknown>, firstMs: number, p: Plan): Promise<number> {
  const budgetMs = p.budgetS * 1000;
  const started = now();
  const times = [firstMs];
  for (let i = 1; i < p.warmup && now() - started < budgetMs / 4; i++) {
    const t0 = now();
    await once();
    times.push(now() - t0);
  }
  const typical = times.sort((a, b) => a - b)[Math.floor(times.length / 2)] as number;
  return Math.min(p.runs, Math.max(5, Math.floor(budgetMs / Math.max(typical, 0.01))));
}

export type HttpResult = Row & { httpStatus: number | null; body: unknown };

export async function measureHttp(
  baseUrl: string, token: string, name: string, urlPath: string, plan: Plan,
): Promise<HttpResult> {
  const headers = { authorization: `Bearer ${token}`, accept: 'application/json' };
  const call = async () => {
    const res = await fetch(`${baseUrl}${urlPath}`, { headers });
    const text = await res.text();
    return { status: res.status, text };
  };
  const t0 = now();
  const first = await call();
  const firstMs = now() - t0;
  if (first.status === 404) return { name, via: 'HTTP', status: 'missing (404)', httpStatus: 404, body: null };
  if (first.status !== 200) {
    return { name, via: 'HTTP', status: `HTTP ${first.status}`, httpStatus: first.status, body: first.text.slice(0, 500) };
  }
  let body: unknown = null;
  try {
    body = JSON.parse(first.text);
  } catch {
    body = first.text.slice(0, 500);
  }
  const once = async () => {
    const r = await call();
    if (r.status !== 200) throw new Error(`HTTP ${r.status}`);
  };
  const runs = await warmUp(once, firstMs, plan);
  const seq = await measure(runs, 1, once);
  const c4 = await measure(runs, 4, once);
  const errors = seq.errors + c4.errors;
  return { name, via: 'HTTP', status: errors ? `${errors} errors` : 'ok', seq, c4, httpStatus: 200, body };
}

/** Also returns the rows of the first run: the truth the API is checked against. */
export async function measureSql<R extends pg.QueryResultRow>(
  pool: pg.Pool, name: string, sql: string, params: unknown[], plan: Plan,
): Promise<Row & { rows: R[] }> {
  const once = () => pool.query<R>(sql, params);
  const t0 = now();
  const { rows } = await once();
  // --sql-runs 0: only the truth, from one run, for a rerun on a loaded database.
  if (plan.runs === 0) return { name, via: 'SQL', status: `one run, ${Math.round(now() - t0)} ms`, rows };
  const runs = await warmUp(once, now() - t0, plan);
  const seq = await measure(runs, 1, once);
  const c4 = await measure(runs, 4, once);
  const errors = seq.errors + c4.errors;
  return { name, via: 'SQL', status: errors ? `${errors} errors` : 'ok', seq, c4, rows };
}
