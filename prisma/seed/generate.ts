import { type IssueDraft, createAkimMeetings, draftIssues, planFates, resolveBetween, type AkimContext } from './akim';
import { splitByWeights } from './allocate';
import { addLocalBudget as addBudget } from './budget';
import { type Dataset, pushIssue } from './dataset';
import { type EscalationSpec, pickEscalations, writeEscalations } from './escalations';
import { writeBudgetRequests } from './budget-requests';
import { type PlannedEntry, writeReceptions, writeSchedule } from './central';
import { writeActionPlans } from './action-plans';
import {
  CATEGORIES, CENTRAL_BODIES, type BodyCode, type CategoryCode, type OfficialRow, type UnitRow,
  generateOfficials, generateUnits, readRegions,
} from './reference';
import { planRegions2022 } from './region-plan';
import { type Rng, createRng } from './rng';
import {
  AKIM_2022, AKIM_2023_H1, CENTRAL_2022, CENTRAL_2023_H1, ESCALATIONS_2022, REGION_WEIGHTS, SEED, UNPUBLISHED_PLANS_2022_H2,
} from './targets';

// The whole demo dataset, built in memory from one seed: same seed, same rows.

function groupBy<T>(items: readonly T[], key: (t: T) => number | null): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    map.set(k, [...(map.get(k) ?? []), item]);
  }
  return map;
}

/** Reference data only (regions, units, officials, bodies, categories, settings), records empty. */
export function referenceDataset(rng: Rng): Dataset {
  const regions = readRegions();
  const units = generateUnits(rng, regions);
  const officials = generateOfficials(rng, regions, units);
  return {
    region: regions, admin_unit: units, official: officials,
    central_body: CENTRAL_BODIES.map((b, i) => ({ id: i + 1, code: b.code, name_ru: b.ru, name_kk: b.kk, name_en: b.en, short_ru: b.short })),
    issue_category: CATEGORIES.map((c, i) => ({ id: i + 1, code: c.code, name_ru: c.ru, name_kk: c.kk, name_en: c.en, sort_order: (i + 1) * 10 })),
    setting: [{ key: 'announcementMinDays', value: '3' }],
    meeting: [], personal_reception: [], raised_issue: [], issue_status_change: [], budget_allocation: [],
    escalation: [], escalation_disposition_change: [], escalation_inclusion_change: [], escalation_selection_change: [], schedule_entry: [], action_plan: [],
    budget_request: [], budget_request_issue: [], budget_request_status_change: [],
  };
}

export function generateDataset(seed = SEED): Dataset {
  const rng = createRng(seed);
  const ds = referenceDataset(rng);
  const { region: regions, admin_unit: units, official: officials } = ds;
  const categoryId = Object.fromEntries(ds.issue_category.map((c) => [c.code, c.id])) as Record<CategoryCode, number>;
  const bodyId = Object.fromEntries(ds.central_body.map((b) => [b.code, b.id])) as Record<BodyCode, number>;
  const ctx: AkimContext = {
    rng, ds, categoryId,
    districtsByRegion: groupBy(units.filter((u) => u.kind !== 'RURAL_DISTRICT'), (u) => u.region_id),
    ruralByRegion: groupBy(units.filter((u) => u.kind === 'RURAL_DISTRICT'), (u) => u.region_id),
    akimOfUnit: new Map(officials.filter((o) => o.unit_id !== null).map((o) => [o.unit_id as number, o])),
    akimOfRegion: new Map(officials.filter((o) => o.position === 'AKIM_REGION').map((o) => [o.region_id as number, o])),
  };

  // ---- akim meetings, 2022 ----
  const yearEnd = '2022-12-31';
  const drafts2022: { h1: IssueDraft[]; h2: IssueDraft[] } = { h1: [], h2: [] };
  for (const plan of planRegions2022(rng, regions)) {
    const h1Meetings = createAkimMeetings(ctx, plan.regionId, 2022, 1, plan.meetings.h1);
    const h1 = draftIssues(ctx, h1Meetings, plan.issues.h1);
    planFates(rng, h1, 2022, 1, { inHalf: plan.resolved.h1InH1, inNextHalf: plan.resolved.h1InH2 }, yearEnd);
    drafts2022.h1.push(...h1);
    const h2Meetings = createAkimMeetings(ctx, plan.regionId, 2022, 2, plan.meetings.h2);
    const h2 = draftIssues(ctx, h2Meetings, plan.issues.h2);
    planFates(rng, h2, 2022, 2, { inHalf: plan.resolved.h2InH2, inNextHalf: 0 }, yearEnd);
    drafts2022.h2.push(...h2);
  }
  const esc2022: Array<[EscalationSpec, IssueDraft[]]> = [
    [{ year: 2022, half: 1, counts: ESCALATIONS_2022.h1 }, drafts2022.h1],
    [{ year: 2022, half: 2, counts: ESCALATIONS_2022.h2, amounts: ESCALATIONS_2022.h2Amounts, selected: ESCALATIONS_2022.h2Selected }, drafts2022.h2],
  ];
  const escPicks = esc2022.map(([spec, pool]) => ({ spec, picks: pickEscalations(rng, pool, spec) }));

  // Some issues still open at the end of 2022 are resolved in 2023: they count there, not in 2022.
  for (const d of [...drafts2022.h1, ...drafts2022.h2]) {
    if (d.fate.at(-1)?.to === 'IN_EXECUTION' && rng.chance(0.3)) resolveBetween(rng, d, '2023-01-10', '2023-06-30', 150);
  }
  const issues2022 = { h1: drafts2022.h1.map((d) => pushDraft(ds, d)), h2: drafts2022.h2.map((d) => pushDraft(ds, d)) };
  for (const { spec, picks } of escPicks) writeEscalations(rng, ds, bodyId, spec, picks.map(toEscalationInput));

  const categoryCode = new Map(ds.issue_category.map((c) => [c.id, c.code]));
  addBudget(rng, ds, issues2022.h1, categoryCode, AKIM_2022.budgetH1, '2022-06-30');
  addBudget(rng, ds, issues2022.h2, categoryCode, AKIM_2022.budgetH2, yearEnd);

  // ---- akim meetings, 2023-H1 ----
  const weights = regions.map((r) => REGION_WEIGHTS[r.kato] ?? 5);
  const meetings23 = splitByWeights(AKIM_2023_H1.meetings, weights);
  const issues23 = splitByWeights(AKIM_2023_H1.issues, weights);
  const resolved23 = splitByWeights(AKIM_2023_H1.resolvedInH1, issues23);
  const drafts23: IssueDraft[] = [];
  regions.forEach((r, i) => {
    const ms = createAkimMeetings(ctx, r.id, 2023, 1, meetings23[i] as number);
    const ds23 = draftIssues(ctx, ms, issues23[i] as number);
    planFates(rng, ds23, 2023, 1, { inHalf: resolved23[i] as number, inNextHalf: 0 }, '2023-06-30');
    drafts23.push(...ds23);
  });
  const spec23: EscalationSpec = {
    year: 2023, half: 1,
    counts: { NO_DOCUMENTATION: 4, CONSIDER_AT_BUDGET_REFINEMENT: 6, IN_EXECUTION: 6, NOT_SUPPORTED_LOCAL_COMPETENCE: 5, EXECUTED: 3 },
    amounts: { CONSIDER_AT_BUDGET_REFINEMENT: 18_400_000_000n }, selected: { CONSIDER_AT_BUDGET_REFINEMENT: 2 },
  };
  const picks23 = pickEscalations(rng, drafts23, spec23);
  const issuesH1of2023 = drafts23.map((d) => pushDraft(ds, d));
  writeEscalations(rng, ds, bodyId, spec23, picks23.map(toEscalationInput));
  addBudget(rng, ds, issuesH1of2023, categoryCode, AKIM_2023_H1.budget, '2023-06-30');

  // ---- central officials: schedule, meetings, receptions ----
  const officialsByBody = groupBy(officials, (o: OfficialRow) => o.central_body_id);
  const cctx = { rng, ds, regions, officialsByBody, districtsByRegion: ctx.districtsByRegion as Map<number, UnitRow[]> };
  const c = CENTRAL_2022;
  const entries2022: PlannedEntry[] = [
    ...Array.from({ length: c.scheduled.h1 }, (): PlannedEntry => {
      const month = rng.pick([5, 6]);
      return { half: 1, month, heldIn: { half: 1, month } };
    }),
    ...Array.from({ length: c.scheduled.h2 }, (_, i): PlannedEntry => {
      const month = 7 + (i % 6);
      if (i < c.h2HeldInH1) return { half: 2, month, heldIn: { half: 1, month: 6 } };
      if (i < c.h2HeldInH1 + c.h2NotHeld) return { half: 2, month, heldIn: null };
      return { half: 2, month, heldIn: { half: 2, month } };
    }),
  ];
  const held2022 = writeSchedule(cctx, 2022, rng.shuffle(entries2022));
  const r = c.receptions;
  writeReceptions(rng, ds, held2022, { count: r.count, citizens: r.citizens, voiced: r.voiced, resolved: r.resolved });
  const c23 = CENTRAL_2023_H1;
  const entries2023 = Array.from({ length: c23.scheduled }, (_, i): PlannedEntry => {
    const month = 1 + (i % 6);
    return { half: 1, month, heldIn: i < c23.held ? { half: 1, month } : null };
  });
  const held2023 = writeSchedule(cctx, 2023, rng.shuffle(entries2023));
  writeReceptions(rng, ds, held2023.slice(0, c23.receptions), { count: c23.receptions, citizens: 610, voiced: 702, resolved: 498 });

  writeActionPlans(rng, ds, [
    { year: 2022, half: 1, unpublished: [] },
    { year: 2022, half: 2, unpublished: UNPUBLISHED_PLANS_2022_H2 },
    { year: 2023, half: 1, unpublished: [...AKIM_2023_H1.unpublishedPlans] },
  ]);
  writeBudgetRequests(ds);
  return ds;
}

function pushDraft(ds: Dataset, d: IssueDraft) {
  const row = pushIssue(ds, d.issue, d.fate);
  (d as IssueDraft & { id?: number }).id = row.id;
  return row;
}

function toEscalationInput(p: { draft: IssueDraft; disposition: import('./dataset').Disposition }) {
  const id = (p.draft as IssueDraft & { id?: number }).id;
  if (!id) throw new Error('escalated issue was not written');
  const escalatedOn = p.draft.fate.find((f) => f.to === 'ESCALATED')?.on ?? p.draft.issue.raised_on;
  return { issueId: id, category: p.draft.category, escalatedOn, disposition: p.disposition };
}
