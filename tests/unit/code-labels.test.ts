import { describe, expect, it } from 'vitest';
import { DECREE_REQUIREMENTS } from '@/server/records/meetings/rules';
import { ISSUE_STATUSES } from '@/server/records/issues/rules';
import * as enums from '@/generated/prisma/enums';
import { loadCatalogue } from '../support/messages';

// Every code the API, imports and exports share has a label in each language.
const LOCALES = ['ru', 'kk', 'en'] as const;
const messages = Object.fromEntries(
  LOCALES.map((l) => [l, (loadCatalogue(l).codes as Record<string, Record<string, string>>)]),
);
const CODE_SETS: Record<string, readonly string[]> = {
  meetingKind: Object.values(enums.MeetingKind),
  position: Object.values(enums.Position),
  akimLevel: Object.values(enums.AkimLevel),
  venue: Object.values(enums.Venue),
  issueStatus: Object.values(enums.IssueStatus),
  disposition: Object.values(enums.Disposition),
  budgetSource: Object.values(enums.BudgetSource),
  requirement: DECREE_REQUIREMENTS,
};

describe('code labels', () => {
  it('the rules module and the database agree on the issue statuses', () => {
    expect([...ISSUE_STATUSES].sort()).toEqual(Object.values(enums.IssueStatus).sort());
  });

  for (const locale of LOCALES) {
    it(`${locale} labels every code, and no code that does not exist`, () => {
      for (const [set, codes] of Object.entries(CODE_SETS)) {
        const labels = messages[locale]?.[set] ?? {};
        expect(Object.keys(labels).sort(), `${locale}.codes.${set}`).toEqual([...codes].sort());
        for (const code of codes) expect(labels[code], `${locale}.${set}.${code}`).toMatch(/\S/);
      }
    });
  }
});
