import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, isAuditAction, isAuditEntity } from '@/server/audit-codes';
import { type Tree, loadCatalogue } from '../support/messages';

// Every action the audit trail records, and every kind of object it names, reads as words on
// the admin page in each language; the catalogue labels nothing the code no longer records.

const LOCALES = ['ru', 'kk', 'en'] as const;

/** `a.b.c` → its text, or undefined when the path does not end at a string. */
const lookup = (tree: Tree, key: string): string | undefined => {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  return typeof node === 'string' ? node : undefined;
};
const leaves = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [prefix + k] : leaves(v, `${prefix}${k}.`)));

describe('audit trail labels', () => {
  it('lists each code once, in the shape the catalogue keys need', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    expect(new Set(AUDIT_ENTITIES).size).toBe(AUDIT_ENTITIES.length);
    // `<object>.<verb>`: one dot, so the label sits at actions.<object>.<verb>.
    for (const a of AUDIT_ACTIONS) expect(a, a).toMatch(/^[a-z_]+\.[a-z_-]+$/);
    for (const e of AUDIT_ENTITIES) expect(e, e).toMatch(/^[a-z_]+$/);
  });

  it('tells a listed code from one only an older version wrote', () => {
    expect(isAuditAction('meeting.create')).toBe(true);
    expect(isAuditAction('user.created')).toBe(false);
    expect(isAuditEntity('raised_issue')).toBe(true);
    expect(isAuditEntity('issue')).toBe(false);
  });

  for (const locale of LOCALES) {
    const audit = (loadCatalogue(locale).admin as Tree).audit as Tree;

    it(`${locale} labels every action and object type, and nothing else`, () => {
      const actions = audit.actions as Tree;
      const entities = audit.entities as Tree;
      const noLabel = [
        ...AUDIT_ACTIONS.filter((a) => !lookup(actions, a)?.trim()).map((a) => `actions.${a}`),
        ...AUDIT_ENTITIES.filter((e) => !lookup(entities, e)?.trim()).map((e) => `entities.${e}`),
      ];
      expect(noLabel, `${locale}: codes without a label`).toEqual([]);
      expect(leaves(actions).sort(), `${locale}: action labels`).toEqual([...AUDIT_ACTIONS].sort());
      expect(leaves(entities).sort(), `${locale}: object labels`).toEqual([...AUDIT_ENTITIES].sort());
    });

    if (locale !== 'ru') {
      it(`${locale} labels are translated, not copied from Russian`, () => {
        const ru = (loadCatalogue('ru').admin as Tree).audit as Tree;
        const copied = AUDIT_ACTIONS.filter((a) => lookup(audit.actions as Tree, a) === lookup(ru.actions as Tree, a));
        expect(copied).toEqual([]);
      });
    }
  }
});
