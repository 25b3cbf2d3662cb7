import fs from 'node:fs';
import path from 'node:path';
import type { Verdict } from './compare';
import type { Latency } from './util';

// The plain-text table and the JSON file of one run.

export type Row = { name: string; via: 'HTTP' | 'SQL' | 'write'; status: string; seq?: Latency; c4?: Latency };

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? '–' : v.toFixed(1));

/** Aligned columns: the first `left` left-aligned (text), the rest right-aligned (numbers). */
export function table(headers: string[], rows: string[][], left = 1): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < left ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join('  ').trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function latencyTable(rows: Row[]): string {
  return table(
    ['measurement', 'via', 'status', 'n', 'p50 ms', 'p95 ms', 'c4 n', 'c4 p50 ms', 'c4 p95 ms', 'c4 req/s'],
    rows.map((r) => [
      r.name, r.via, r.status, r.seq ? String(r.seq.n) : '–', ms(r.seq?.p50), ms(r.seq?.p95),
      r.c4 ? String(r.c4.n) : '–', ms(r.c4?.p50), ms(r.c4?.p95), r.c4 ? r.c4.perSecond.toFixed(1) : '–',
    ]),
    3,
  );
}

export function verdictLines(verdicts: Verdict[]): string {
  const lines: string[] = [];
  for (const v of verdicts) {
    lines.push(`${v.verdict.padEnd(8)}  ${v.question}`);
    for (const d of v.details.slice(0, 8)) lines.push(`          ${d}`);
    if (v.details.length > 8) lines.push(`          … ${v.details.length - 8} more`);
  }
  return lines.join('\n');
}

export function writeJson(issues: number, data: unknown): string {
  const dir = path.resolve('bench-results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const file = path.join(dir, `stats-${issues}-${stamp}.json`);
  fs.writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
  return path.relative(process.cwd(), file);
}
