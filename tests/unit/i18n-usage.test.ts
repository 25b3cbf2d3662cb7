import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import * as enums from '@/generated/prisma/enums';
import { IMPORT_ERROR_KEYS } from '@/features/import/error-keys';
import { DECREE_REQUIREMENTS } from '@/server/records/meetings/rules';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from '@/server/audit-codes';
import { type Tree, loadCatalogue } from '../support/messages';
import { type Family, type Source, evaluateUsage, readSources, scanSources } from '../support/message-usage';

// Every key in the catalogue is used by the code, and every key the code names is in the
// catalogue. Templates (`t(\`codes.venue.${v}\`)`) are resolved through the code lists declared
// here, taken from the code itself, or through literals in the template's own file.

const codes = (e: Record<string, string>) => Object.values(e);
const FAMILIES: Record<string, Family> = {
  'roles.*': { codes: codes(enums.Role) },
  'codes.meetingKind.*': { codes: codes(enums.MeetingKind) },
  'codes.position.*': { codes: codes(enums.Position) },
  'codes.akimLevel.*': { codes: codes(enums.AkimLevel) },
  'codes.venue.*': { codes: codes(enums.Venue) },
  'codes.issueStatus.*': { codes: codes(enums.IssueStatus) },
  'codes.disposition.*': { codes: codes(enums.Disposition) },
  'codes.budgetSource.*': { codes: codes(enums.BudgetSource) },
  'codes.requirement.*': { codes: DECREE_REQUIREMENTS },
  // workbook.ts: a column key `requirement.X` reads its label from `codes`.
  'codes.*': { codes: DECREE_REQUIREMENTS.map((r) => `requirement.${r}`) },
  'records.responsibleLevel.*': { codes: codes(enums.ResponsibleLevel) },
  'records.budgetKind.*': { codes: codes(enums.BudgetEntryKind) },
  'records.announcementChannel.*': { codes: codes(enums.AnnouncementChannel) },
  'codes.requestStatus.*': { codes: codes(enums.BudgetRequestStatus) },
  'codes.requestRejection.*': { codes: codes(enums.BudgetRequestRejection) },
  'budgetRequests.decision.*': { codes: ['APPROVED', 'PARTIALLY_APPROVED', 'REJECTED'] },
  'admin.reference.unitKind.*': { codes: codes(enums.UnitKind) },
  'admin.tokens.scopes.*': { codes: codes(enums.TokenScope) },
  'exports.responsible.*': { codes: codes(enums.ResponsibleLevel) },
  'import.errors.*': { codes: IMPORT_ERROR_KEYS },
  // The audit trail's codes, from the list the audit writer is typed by.
  'admin.audit.actions.*': { codes: AUDIT_ACTIONS },
  'admin.audit.entities.*': { codes: AUDIT_ENTITIES },
  // zod's issue codes; those without a message of their own fall back to `generic.invalid`.
  'validation.generic.*': { codes: codes(z.ZodIssueCode), guarded: true },
};

function keysOf(tree: Tree) {
  const leaves = new Set<string>();
  const nodes = new Set<string>();
  const walk = (t: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(t)) {
      const key = prefix ? `${prefix}.${k}` : k;
      if (typeof v === 'string') leaves.add(key);
      else { nodes.add(key); walk(v, key); }
    }
  };
  walk(tree, '');
  return { leaves, nodes };
}

describe('message keys and the code', () => {
  it('the scanner sees literal, namespaced, dynamic and missing keys (self-check)', () => {
    const { leaves, nodes } = keysOf({
      fix: { used: 'u', viaMap: 'm', unused: 'x', status: { A: 'a', B: 'b', ORPHAN: 'o' }, tab: { one: '1', two: '2' } },
      codes: { kind: { K1: 'k', K2: 'k' } },
    });
    const files: Source[] = [{
      path: 'src/fixture.tsx',
      text: `
        import { getTranslations } from 'next-intl/server';
        const TABS = ['one', 'two'] as const;
        export async function Page({ s, k }: { s: 'A' | 'B'; k: string }) {
          const [t, other] = await Promise.all([getTranslations('fix'), getTranslations('other')]);
          const map = { label: 'viaMap' };
          return [t('used'), t(map.label), t(\`status.\${s}\`), t('absent'), TABS.map((x) => t(\`tab.\${x}\`)), other('x'), k];
        }
        export const kindLabel = (t: (k: string) => string, k: string) => t(\`codes.kind.\${k}\`);
      `,
    }];
    const usage = evaluateUsage(scanSources(files, leaves, nodes), leaves, { 'fix.status.*': { codes: ['A', 'B'] }, 'codes.kind.*': { codes: ['K1', 'K2'] } });
    expect(usage.unused.sort()).toEqual(['fix.status.ORPHAN', 'fix.unused']);
    expect(usage.missing).toEqual(['fix.absent (src/fixture.tsx:7)', 'other.x (src/fixture.tsx:7)']);
    expect(usage.undeclared).toEqual([]);
  });

  const ru = keysOf(loadCatalogue('ru'));
  const usage = evaluateUsage(scanSources(readSources('src'), ru.leaves, ru.nodes), ru.leaves, FAMILIES);

  it('finds the keys the app is known to use', () => {
    for (const key of ['overview.meetings', 'codes.issueStatus.RESOLVED', 'validation.required', 'roles.ADMIN']) expect(usage.used.has(key), key).toBe(true);
  });

  it('uses every key of the catalogue', () => {
    expect(usage.unused, 'keys no code uses: delete them from ru, kk and en, or use them').toEqual([]);
  });

  it('has every key the code asks for', () => {
    expect(usage.missing, 'keys the code names that ru lacks').toEqual([]);
  });

  it('can tell what fills every template key', () => {
    expect(usage.undeclared, 'templates whose fillers are unknown: declare the family above with its code list').toEqual([]);
    expect(usage.stale, 'declared families no code uses: remove them above').toEqual([]);
  });
});
