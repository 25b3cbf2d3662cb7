import { splitWithMinimum } from './allocate';
import { type IsoDate, addDays, daysBetween, halfBounds, minDate } from './dates';
import type { IssueDraft } from './akim';
import { type Dataset, type Disposition, recordedAt } from './dataset';
import { BODY_FOR_CATEGORY, type BodyCode } from './reference';
import type { Rng } from './rng';

// The central-level list of a half-year: issues akimats pass up, each put on the list the day
// its issue moved to ESCALATED, with a dated disposition, and the selected ones marked on the
// day of their final disposition (the dates the migration gives existing entries).

const FUNDABLE = new Set(['HOUSING_UTILITIES', 'ROADS', 'SOCIAL_INFRASTRUCTURE', 'LANDSCAPING_ECOLOGY', 'HOUSING']);
const PROPOSALS = [
  'Выделить средства из республиканского бюджета на строительство',
  'Включить объект в бюджетную программу на следующий финансовый год',
  'Рассмотреть возможность софинансирования из республиканского бюджета',
  'Внести изменения в нормативный правовой акт',
];

export type EscalationSpec = {
  year: number; half: 1 | 2;
  counts: Partial<Record<Disposition, number>>;
  amounts?: Partial<Record<Disposition, bigint>>;
  selected?: Partial<Record<Disposition, number>>;
};

/**
 * Picks the list's issues from a half's drafts and rewrites their fates: EXECUTED ones are
 * taken from issues resolved in the half (escalated first, then resolved); the rest stay ESCALATED.
 */
export function pickEscalations(rng: Rng, drafts: IssueDraft[], spec: EscalationSpec): Array<{ draft: IssueDraft; disposition: Disposition }> {
  const { end } = halfBounds(spec.year, spec.half);
  const fundable = rng.shuffle(drafts.filter((d) => FUNDABLE.has(d.category) && daysBetween(d.issue.raised_on, end) >= 30));
  const resolved = fundable.filter((d) => d.resolvedOn !== null && d.resolvedOn <= end && daysBetween(d.issue.raised_on, d.resolvedOn) >= 0);
  const open = fundable.filter((d) => d.resolvedOn === null && !d.fate.some((f) => f.to === 'RESOLVED'));
  const picks: Array<{ draft: IssueDraft; disposition: Disposition }> = [];
  for (const [disposition, count] of Object.entries(spec.counts) as Array<[Disposition, number]>) {
    const pool = disposition === 'EXECUTED' ? resolved : open;
    for (let i = 0; i < count; i++) {
      const draft = pool.pop();
      if (!draft) throw new Error(`not enough issues for ${count} ${disposition} escalations`);
      const escalatedOn = minDate(end, addDays(draft.issue.raised_on, rng.int(5, 20)));
      if (disposition === 'EXECUTED') {
        const resolvedOn = minDate(end, addDays(escalatedOn, rng.int(10, 60)));
        draft.fate = [{ to: 'ESCALATED', on: escalatedOn }, { to: 'RESOLVED', on: resolvedOn }];
        draft.resolvedOn = resolvedOn;
      } else {
        draft.fate = [{ to: 'ESCALATED', on: escalatedOn }];
      }
      picks.push({ draft, disposition });
    }
  }
  return picks;
}

/** Writes the escalation rows and their dated histories; issue ids must be known. */
export function writeEscalations(
  rng: Rng, ds: Dataset, bodyId: Record<BodyCode, number>, spec: EscalationSpec,
  picks: Array<{ issueId: number; category: IssueDraft['category']; escalatedOn: IsoDate; disposition: Disposition }>,
): void {
  const { end } = halfBounds(spec.year, spec.half);
  const amounts = new Map<Disposition, bigint[]>();
  for (const [disposition, total] of Object.entries(spec.amounts ?? {}) as Array<[Disposition, bigint]>) {
    const count = picks.filter((p) => p.disposition === disposition).length;
    const millions = splitWithMinimum(Number(total / 1_000_000n), count, 300, picks.map(() => 0.5 + rng.float()).slice(0, count));
    amounts.set(disposition, millions.map((m) => BigInt(m) * 1_000_000n));
  }
  const selectLeft = new Map(Object.entries(spec.selected ?? {}) as Array<[Disposition, number]>);
  for (const p of picks) {
    const amount = amounts.get(p.disposition)?.shift() ?? null;
    const left = selectLeft.get(p.disposition) ?? 0;
    if (left > 0) selectLeft.set(p.disposition, left - 1);
    const id = ds.escalation.length + 1;
    ds.escalation.push({
      id, issue_id: p.issueId, year: spec.year, half: spec.half,
      central_body_id: bodyId[rng.pick(BODY_FOR_CATEGORY[p.category])],
      disposition: p.disposition, republican_amount_kzt: amount, selected: left > 0, proposal: rng.pick(PROPOSALS),
    });
    ds.escalation_inclusion_change.push({
      id: ds.escalation_inclusion_change.length + 1, escalation_id: id, included: true, effective_on: p.escalatedOn, recorded_at: recordedAt(p.escalatedOn),
    });
    const finalOn = minDate(end, addDays(p.escalatedOn, rng.int(20, 50)));
    if (left > 0) {
      ds.escalation_selection_change.push({
        id: ds.escalation_selection_change.length + 1, escalation_id: id, selected: true, effective_on: finalOn, recorded_at: recordedAt(finalOn),
      });
    }
    const history: Array<{ d: Disposition; on: IsoDate; amount: bigint | null }> = [];
    if (p.disposition !== 'IN_EXECUTION' && rng.chance(0.4)) {
      history.push({ d: 'IN_EXECUTION', on: minDate(finalOn, addDays(p.escalatedOn, rng.int(3, 15))), amount: null });
    }
    history.push({ d: p.disposition, on: finalOn, amount });
    for (const h of history) {
      ds.escalation_disposition_change.push({
        id: ds.escalation_disposition_change.length + 1, escalation_id: id, disposition: h.d,
        republican_amount_kzt: h.amount, effective_on: h.on, comment: null, recorded_at: recordedAt(h.on),
      });
    }
    if (amount !== null) {
      ds.budget_allocation.push({
        id: ds.budget_allocation.length + 1, issue_id: p.issueId, source: 'REPUBLICAN', kind: 'NEED',
        amount_kzt: amount, effective_on: finalOn, note: 'Сумма по перечню центрального уровня',
      });
    }
  }
}
