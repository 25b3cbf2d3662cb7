import type { RegionTruth, SummaryTruth } from './plain-sql';

// The API's numbers against the plain SQL's, field by field.

export type Verdict = { question: string; verdict: 'MATCH' | 'MISMATCH' | 'MISSING' | 'ERROR'; details: string[] };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : typeof v === 'string' && v !== '' && !Number.isNaN(Number(v)) ? Number(v) : null);

/** A rate may come as a fraction (rounded to at least 3 places) or as a percentage (to 1 place). */
function sameRate(api: unknown, truth: number | null): boolean {
  const a = num(api);
  if (truth === null) return a === null || a === 0;
  if (a === null) return false;
  return Math.abs(a - truth) <= 0.0005 + 1e-12 || Math.abs(a - truth * 100) <= 0.05 + 1e-9;
}

function check(details: string[], label: string, api: unknown, truth: number | null, isRate = false): void {
  const ok = isRate ? sameRate(api, truth) : num(api) === truth;
  if (!ok) details.push(`${label}: api ${JSON.stringify(api)} ≠ sql ${truth === null ? 'null' : isRate ? truth.toFixed(6) : truth}`);
}

export function compareSummary(question: string, body: unknown, t: SummaryTruth): Verdict {
  const b = (body ?? {}) as Record<string, unknown>;
  const details: string[] = [];
  check(details, 'meetings', b.meetings, t.meetings);
  check(details, 'issuesRaised', b.issuesRaised, t.raised);
  check(details, 'issuesResolved (resolved during the period)', b.issuesResolved, t.resolvedDuring);
  check(details, 'resolutionRate (raised in the period and resolved at its end / raised)', b.resolutionRate, t.rate, true);
  return { question, verdict: details.length ? 'MISMATCH' : 'MATCH', details };
}

export function compareRegions(question: string, body: unknown, truth: RegionTruth[]): Verdict {
  const list = (body as { regions?: unknown })?.regions;
  if (!Array.isArray(list)) return { question, verdict: 'MISMATCH', details: ['response has no regions array'] };
  const api = new Map<string, Record<string, unknown>>();
  for (const r of list as Array<Record<string, unknown>>) api.set(String(r.kato), r);
  const details: string[] = [];
  const katos = new Set([...api.keys(), ...truth.map((t) => t.kato)]);
  const byKato = new Map(truth.map((t) => [t.kato, t]));
  for (const kato of [...katos].sort()) {
    const t = byKato.get(kato) ?? { kato, raised: 0, resolved: 0, resolvedDuring: 0, rate: null };
    const a = api.get(kato) ?? { issuesRaised: 0, issuesResolved: 0, resolutionRate: null };
    check(details, `${kato} issuesRaised`, a.issuesRaised, t.raised);
    check(details, `${kato} issuesResolved (resolved during)`, a.issuesResolved, t.resolvedDuring);
    check(details, `${kato} resolutionRate`, a.resolutionRate, t.rate, true);
  }
  return { question, verdict: details.length ? 'MISMATCH' : 'MATCH', details };
}

export function compareBudgetRequests(question: string, body: unknown, t: import('./plain-sql').BudgetRequestsRow | undefined): Verdict {
  if (!t) return { question, verdict: 'ERROR', details: ['the plain SQL returned no row'] };
  const b = (body ?? {}) as Record<string, Record<string, unknown> | number | null>;
  const field = (k: string, f: string) => (b[k] as Record<string, unknown> | undefined)?.[f];
  const details: string[] = [];
  check(details, 'requested.count', field('requested', 'count'), t.requested);
  check(details, 'requested.amountKzt', field('requested', 'amountKzt'), Number(t.requested_kzt));
  check(details, 'pending.count', field('pending', 'count'), t.pending);
  check(details, 'pending.amountKzt', field('pending', 'amountKzt'), Number(t.pending_kzt));
  check(details, 'approved.count', field('approved', 'count'), t.approved);
  check(details, 'partiallyApproved.count', field('partiallyApproved', 'count'), t.partial);
  check(details, 'approvedTotalKzt', b.approvedTotalKzt, Number(t.approved_kzt));
  check(details, 'rejected.count', field('rejected', 'count'), t.rejected);
  check(details, 'withdrawn.count', field('withdrawn', 'count'), t.withdrawn);
  check(details, 'medianDaysToDecision', b.medianDaysToDecision, t.median_days === null ? null : Number(t.median_days));
  check(details, 'list.entries', field('list', 'entries'), t.entries);
  check(details, 'list.withRequest', field('list', 'withRequest'), t.with_request);
  return { question, verdict: details.length ? 'MISMATCH' : 'MATCH', details };
}
