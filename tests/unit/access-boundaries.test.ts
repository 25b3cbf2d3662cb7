// Scope is decided in src/server/access only: the entities' builders (server/access/scopes/)
// turn a caller into what they may see and write. Code elsewhere that branches on the scope,
// derives it itself, or works it out from an editor's role would be a second copy of the rules.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve('src');
const ACCESS = path.join(SRC, 'server', 'access') + path.sep;
const GENERATED = path.join(SRC, 'generated') + path.sep;

const RULES: Array<[string, RegExp]> = [
  ['compares scope.kind', /\bscope\.kind\s*[!=]==?/],
  ['switches on scope.kind', /switch\s*\(\s*scope\.kind\s*\)/],
  ['derives the scope itself (recordScope)', /\brecordScope\s*\(/],
  ['works scope out from an editor role', /\.role\s*[!=]==?\s*['"](AKIMAT_EDITOR|MINISTRY_EDITOR)['"]/],
];

/** The rules a text breaks, one entry per line and rule. */
function offences(text: string): string[] {
  const out: string[] = [];
  text.split('\n').forEach((line, i) => {
    for (const [what, pattern] of RULES) if (pattern.test(line)) out.push(`${i + 1}: ${what}`);
  });
  return out;
}

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return full + path.sep === GENERATED ? [] : sources(full);
    return /\.tsx?$/.test(name) ? [full] : [];
  });
}

describe('access boundaries', () => {
  it('flags each way of deciding scope outside server/access', () => {
    expect(offences("if (scope.kind === 'body') return [];")).toEqual(['1: compares scope.kind']);
    expect(offences("x\nreturn scope.kind!=='all';")).toEqual(['2: compares scope.kind']);
    expect(offences('switch (scope.kind) {')).toEqual(['1: switches on scope.kind']);
    expect(offences('const s = recordScope(caller);')).toEqual(['1: derives the scope itself (recordScope)']);
    expect(offences("caller.role === 'AKIMAT_EDITOR' && caller.regionId")).toEqual(['1: works scope out from an editor role']);
    expect(offences("const kinds = meetingKindsFor(caller); if (p.kind === 'half') {}")).toEqual([]);
  });

  it('finds no scope decision in src/ outside src/server/access', () => {
    const files = sources(SRC).filter((f) => !f.startsWith(ACCESS));
    expect(files.length).toBeGreaterThan(100);
    const found = files.flatMap((f) => offences(readFileSync(f, 'utf8')).map((o) => `${path.relative(SRC, f)}:${o}`));
    expect(found).toEqual([]);
  });
});
