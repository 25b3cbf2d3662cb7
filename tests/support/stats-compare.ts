// Comparing the app's statistics with the oracle's: every differing field by its path, and a
// report that leads with the simplest failing filter instead of a dump of both answers.

export type FieldDiff = { path: string; app: unknown; oracle: unknown };

const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Every leaf where `app` and `oracle` differ, by path (`regions[3].issuesRaised`); missing and extra fields included. */
export function diffFields(app: unknown, oracle: unknown, path = '', out: FieldDiff[] = []): FieldDiff[] {
  if (typeof app === 'number' && typeof oracle === 'number') {
    if (!close(app, oracle)) out.push({ path, app, oracle });
  } else if (Array.isArray(app) && Array.isArray(oracle)) {
    for (let i = 0; i < Math.max(app.length, oracle.length); i++) diffFields(app[i], oracle[i], `${path}[${i}]`, out);
  } else if (app && oracle && typeof app === 'object' && typeof oracle === 'object' && !Array.isArray(app) && !Array.isArray(oracle)) {
    const keys = new Set([...Object.keys(app), ...Object.keys(oracle)]);
    for (const k of keys) diffFields((app as Record<string, unknown>)[k], (oracle as Record<string, unknown>)[k], path ? `${path}.${k}` : k, out);
  } else if (app !== oracle) {
    out.push({ path, app, oracle });
  }
  return out;
}

/** `names`: what the two sides are, when not the app and the oracle (say, a total and the sum of its parts). */
export type Mismatch = { label: string; dimensions: number; route: string; diffs: FieldDiff[]; names?: [string, string] };

const show = (v: unknown) => (v === undefined ? '(missing)' : JSON.stringify(v));

/**
 * A readable account of the mismatches: the cases with the fewest filter dimensions first, the
 * first `cases` of them with up to `fields` differing fields each, then how many failed per route.
 */
export function reportMismatches(mismatches: Mismatch[], { cases = 6, fields = 8 } = {}): string {
  if (mismatches.length === 0) return 'no mismatches';
  const sorted = [...mismatches].sort((a, b) => a.dimensions - b.dimensions || a.diffs.length - b.diffs.length);
  const byRoute = new Map<string, number>();
  for (const m of mismatches) byRoute.set(m.route, (byRoute.get(m.route) ?? 0) + 1);
  const lines = [
    `${mismatches.length} answers differ from the oracle (${[...byRoute].map(([r, n]) => `${r}: ${n}`).join(', ')}).`,
    `The simplest ${Math.min(cases, sorted.length)}, fewest filter dimensions first:`,
  ];
  for (const m of sorted.slice(0, cases)) {
    lines.push(`  ${m.route} ${m.label}: ${m.diffs.length} field(s) differ`);
    const [a, b] = m.names ?? ['app', 'oracle'];
    for (const d of m.diffs.slice(0, fields)) lines.push(`    ${d.path || '(value)'}: ${a} ${show(d.app)}, ${b} ${show(d.oracle)}`);
    if (m.diffs.length > fields) lines.push(`    … and ${m.diffs.length - fields} more`);
  }
  return lines.join('\n');
}
