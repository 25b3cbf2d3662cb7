import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const FONT_CSS = path.resolve('node_modules/@fontsource-variable/inter/wght.css');

/** Every unicode-range of the stylesheet's @font-face rules, as [from, to] code points. */
function ranges(css: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [, list] of css.matchAll(/unicode-range:\s*([^;]+);/g)) {
    for (const item of (list as string).split(',')) {
      const m = /^\s*U\+([0-9A-F]+)(?:-([0-9A-F]+))?\s*$/i.exec(item);
      if (!m) throw new Error(`unexpected unicode-range item ${item}`);
      out.push([parseInt(m[1] as string, 16), parseInt(m[2] ?? (m[1] as string), 16)]);
    }
  }
  return out;
}

const KAZAKH = 'ӘәҒғҚқҢңӨөҰұҮүҺһІі';
const BASIC = [...Array.from({ length: 0x44f - 0x410 + 1 }, (_, i) => String.fromCodePoint(0x410 + i)), 'Ё', 'ё'].join('');

describe('Inter Variable', () => {
  it('is imported by globals.css', () => {
    const globals = fs.readFileSync(path.resolve('src/app/globals.css'), 'utf8');
    expect(globals).toMatch(/@import\s+['"]@fontsource-variable\/inter\/wght\.css['"]/);
  });

  it('parses the ranges (sanity)', () => {
    const r = ranges(fs.readFileSync(FONT_CSS, 'utf8'));
    expect(r.length).toBeGreaterThan(10);
    expect(r.some(([a, b]) => a <= 0x41 && 0x41 <= b)).toBe(true); // Latin A
    expect(r.some(([a, b]) => a <= 0x4e00 && 0x4e00 <= b)).toBe(false); // no CJK
  });

  it.each([['Kazakh', KAZAKH], ['basic Cyrillic', BASIC]])('covers every %s letter', (_name, letters) => {
    const r = ranges(fs.readFileSync(FONT_CSS, 'utf8'));
    expect(letters.length).toBeGreaterThanOrEqual(18);
    const missing = [...letters].filter((ch) => {
      const cp = ch.codePointAt(0) as number;
      return !r.some(([a, b]) => a <= cp && cp <= b);
    });
    expect(missing).toEqual([]);
  });
});
