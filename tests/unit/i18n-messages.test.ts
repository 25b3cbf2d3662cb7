import { describe, expect, it } from 'vitest';
import { type Tree, loadCatalogue as load } from '../support/messages';

/** Flattens nested messages to dotted keys. */
function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(tree)) {
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) for (const [kk, vv] of flatten(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`, v);
  }
  return out;
}

/**
 * Argument names in an ICU message: `{name}`, `{name, number}`, and the selector of
 * `{name, select|plural, key {...} ...}`, recursing into the branches.
 * Apostrophe quoting is not handled; the catalogues do not use it.
 */
function placeholders(msg: string): Set<string> {
  const names = new Set<string>();
  let i = 0;
  const skipWs = () => { while (/\s/.test(msg[i] ?? '')) i++; };
  const word = () => { skipWs(); const m = /^[^\s,{}]+/.exec(msg.slice(i)); i += m ? m[0].length : 0; skipWs(); return m?.[0] ?? ''; };
  const message = (): void => { // reads text up to an unmatched '}' or the end
    while (i < msg.length && msg[i] !== '}') {
      if (msg[i] === '{') { i++; argument(); } else i++;
    }
  };
  const argument = (): void => { // after '{', through the matching '}'
    names.add(word());
    if (msg[i] === ',') {
      i++;
      const type = word();
      if (['select', 'plural', 'selectordinal'].includes(type) && msg[i] === ',') {
        i++;
        for (skipWs(); i < msg.length && msg[i] !== '}'; skipWs()) {
          word(); // branch key
          if (msg[i] !== '{') throw new Error(`bad ICU branch in ${JSON.stringify(msg)}`);
          i++; message(); i++; // branch body and its '}'
        }
      } else {
        let depth = 0;
        while (i < msg.length && (msg[i] !== '}' || depth > 0)) { if (msg[i] === '{') depth++; if (msg[i] === '}') depth--; i++; }
      }
    }
    if (msg[i] !== '}') throw new Error(`unclosed argument in ${JSON.stringify(msg)}`);
    i++;
  };
  message();
  if (i < msg.length) throw new Error(`unbalanced '}' in ${JSON.stringify(msg)}`);
  return names;
}

const ru = flatten(load('ru'));
const others = { kk: flatten(load('kk')), en: flatten(load('en')) };

describe('message catalogues', () => {
  it('parses placeholders the way the checks below rely on', () => {
    expect([...placeholders('{half, select, 1 {I {x}} other {II}} {year} года')]).toEqual(['half', 'x', 'year']);
    expect([...placeholders('no arguments here')]).toEqual([]);
  });

  it.each(Object.entries(others))('ru and %s have the same keys', (_locale, messages) => {
    expect([...messages.keys()].sort()).toEqual([...ru.keys()].sort());
  });

  it('has no empty or non-string values', () => {
    for (const [locale, messages] of Object.entries({ ru, ...others })) {
      for (const [key, value] of messages) {
        expect(typeof value, `${locale}:${key}`).toBe('string');
        expect((value as string).trim(), `${locale}:${key}`).not.toBe('');
      }
    }
  });

  it('uses every ru placeholder in the kk and en strings of the same key', () => {
    expect(ru.size).toBeGreaterThan(0);
    for (const [key, value] of ru) {
      const wanted = placeholders(value as string);
      for (const [locale, messages] of Object.entries(others)) {
        const got = placeholders(String(messages.get(key) ?? ''));
        for (const name of wanted) expect(got.has(name), `${locale}:${key} lacks {${name}}`).toBe(true);
      }
    }
  });
});
