import { DECREE_REQUIREMENTS, type DecreeRequirement } from '@/server/records/meetings/rules';
import type { Disposition } from '@/generated/prisma/enums';
import type { Block, Template } from '../document';
import type { BriefingRequests, CentralFigures } from '../figures';
import { count, money, percent, thousands, thousandsUnderstates, times } from '../numbers';

// The English briefing: the Russian one's sections and figures, in plain English.

const lowerFirst = (s: string) => (/^.[a-zа-яёәғқңөұүһі]/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const L = 'en' as const;

/** "H2 2022" / "2022". */
function period(code: string): string {
  const [year, half] = code.split('-H');
  return half ? `H${half} ${year}` : year!;
}
const issues = (n: number) => `${count(L, n)} ${n === 1 ? 'issue' : 'issues'}`;
const meetings = (n: number) => `${count(L, n)} ${n === 1 ? 'meeting' : 'meetings'}`;

const DISPOSITION_LINE: Record<Disposition, (n: number, kzt: number, year: number) => string> = {
  NO_DOCUMENTATION: (n) => `for ${issues(n)} the regions lack the necessary documentation;`,
  ALREADY_FUNDED_IN_REPUBLICAN_BUDGET: (n, kzt) => `for ${issues(n)} the republican budget already provides ${money(L, kzt)};`,
  CONSIDER_AT_BUDGET_REFINEMENT: (n, kzt, year) => `for ${issues(n)} funding of ${money(L, kzt)} will be considered when the republican budget for ${year} is refined;`,
  IN_EXECUTION: (n) => `${issues(n)} are in execution by state bodies;`,
  NOT_SUPPORTED_LOCAL_COMPETENCE: (n) => `${issues(n)} were not supported by state bodies, as they fall within the competence of the local executive body;`,
  EXECUTED: (n) => `${issues(n)} have already been executed by state bodies.`,
};


/** The budget requests paragraph, after the central-level list: what akimats filed and what became of it. */
function requestsParagraph(r: BriefingRequests, p: string): string | null {
  if (r.requested.count === 0 && r.listWithoutRequest === 0) return null;
  const filed = r.requested.count === 0
    ? `In ${period(p)} akimats filed no budget requests with central state bodies`
    : `In ${period(p)} akimats filed ${count(L, r.requested.count)} budget ${r.requested.count === 1 ? 'request' : 'requests'} with central state bodies for ${money(L, r.requested.amountKzt)}`;
  const parts = [
    r.approved.count ? `${count(L, r.approved.count)} approved for ${money(L, r.approved.approvedKzt)}` : '',
    r.partiallyApproved.count ? `${count(L, r.partiallyApproved.count)} approved in part for ${money(L, r.partiallyApproved.approvedKzt)} of ${money(L, r.partiallyApproved.amountKzt)} requested` : '',
    r.pending.count ? `${count(L, r.pending.count)} under consideration for ${money(L, r.pending.amountKzt)}` : '',
    r.rejected.count ? `${count(L, r.rejected.count)} rejected for ${money(L, r.rejected.amountKzt)}` : '',
    r.withdrawn.count ? `${count(L, r.withdrawn.count)} withdrawn by akimats` : '',
  ].filter(Boolean);
  const tail = r.listWithoutRequest > 0 ? `; for ${issues(r.listWithoutRequest)} of the list no request was filed` : '';
  return `${filed}${parts.length ? `: ${parts.join(', ')}` : ''}${tail}.`;
}
function central(c: CentralFigures, bodyShort: (code: string) => string, requirement: (r: DecreeRequirement) => string): Block[] {
  const out: Block[] = [];
  const halves = c.byHalf.length > 1 ? `, of which ${c.byHalf.map((h, i) => `${count(L, h.scheduled)} in the ${i === 0 ? 'first' : 'second'} half-year`).join(' and ')}` : '';
  out.push({ kind: 'paragraph', text: `Under the Schedule, ${meetings(c.scheduled)} were planned for ${period(c.period)}${halves}. In all, ${meetings(c.held)} were held in ${period(c.period)}.` });
  const share = c.issuesVoiced === 0 ? '' : ` (${percent(L, c.issuesResolved / c.issuesVoiced, 0)})`;
  out.push({
    kind: 'paragraph',
    text: `During their visits in ${period(c.period)}, officials held ${count(L, c.personalReceptions)} personal receptions, at which ${count(L, c.citizensReceived)} citizens were received. Citizens voiced ${count(L, c.issuesVoiced)} problem issues, of which ${count(L, c.issuesResolved)}${share} were resolved and ${count(L, c.issuesInExecution)} are in execution by state bodies.`,
  });
  const shares = DECREE_REQUIREMENTS.filter((r) => c.requirements[r] !== null).map((r) => `${requirement(r)}: ${percent(L, c.requirements[r] as number)} of meetings`);
  if (shares.length) out.push({ kind: 'paragraph', text: `Compliance with the Decree’s requirements in ${period(c.period)}:` }, { kind: 'list', items: shares });
  if (c.shortfalls.length) {
    out.push(
      { kind: 'paragraph', text: 'Some central executive bodies did not fully meet the requirements:' },
      {
        kind: 'list',
        items: c.shortfalls.map((b) => {
          const parts: string[] = [];
          if (b.held < b.scheduled) parts.push(`held ${count(L, b.held)} of ${meetings(b.scheduled)} planned`);
          if (b.requirements.length) parts.push(`fewer than half of meetings: ${b.requirements.map((r) => lowerFirst(requirement(r))).join(', ')}`);
          return `${bodyShort(b.code)} – ${parts.join('; ')};`;
        }),
      },
    );
  }
  return out;
}

export const en: Template = (f, n, meta) => {
  const a = f.akim;
  const p = f.period.code;
  const blocks: Block[] = [];
  blocks.push({ kind: 'subtitle', text: `On the meetings of akims and heads of central executive bodies with the population in ${period(p)}` });

  blocks.push({ kind: 'heading', text: `Akims’ meetings with the population in ${period(p)} (Ministry of National Economy)` });
  const categories = a.categories.filter((c) => c.code !== 'OTHER').map((c) => n.category(c.code).toLowerCase());
  blocks.push({
    kind: 'paragraph',
    text: `In ${period(p)} ${a.meetings >= 1000 ? 'about ' : ''}${thousands(L, a.meetings)} meetings were held. Citizens raised ${thousandsUnderstates(a.issuesRaised) ? 'more than ' : ''}${thousands(L, a.issuesRaised)} proposals and issues on ${categories.join(', ')}${a.categories.some((c) => c.code === 'OTHER') ? ' and other matters' : ''}.`,
  });
  blocks.push({ kind: 'paragraph', text: `Following the meetings, local executive bodies resolved ${thousands(L, a.issuesResolved)} issues in ${period(p)}.` });
  if (a.budget.needKzt > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Resolving the issues raised in ${period(p)} needs ${money(L, a.budget.needKzt)} from local budgets, of which ${money(L, a.budget.allocatedKzt)} has been allocated, or ${percent(L, a.budget.allocatedShare ?? 0)} of the need.`,
    });
  }
  if (a.republicanBudget.needKzt > 0) {
    blocks.push({ kind: 'paragraph', text: `The same issues need ${money(L, a.republicanBudget.needKzt)} from the republican budget, ${a.republicanBudget.allocatedKzt > 0 ? `of which ${money(L, a.republicanBudget.allocatedKzt)} has been allocated, or ${percent(L, a.republicanBudget.allocatedShare ?? 0)} of the need` : 'none of it allocated yet'}.` });
  }
  const list = a.centralList;
  blocks.push({ kind: 'paragraph', text: `From the local executive bodies’ proposals for ${period(p)}, a list of problem issues requiring a decision at the level of central executive bodies was drawn up. It holds ${issues(list.total)}.` });
  const lines = (Object.keys(DISPOSITION_LINE) as Disposition[])
    .filter((d) => list.byDisposition[d].count > 0)
    .map((d) => DISPOSITION_LINE[d](list.byDisposition[d].count, list.byDisposition[d].amountKzt, f.period.year + 1));
  if (list.undecided > 0) lines.push(`for ${issues(list.undecided)} state bodies have not yet decided.`);
  if (lines.length) blocks.push({ kind: 'paragraph', text: 'A detailed analysis of the list shows that:' }, { kind: 'list', items: lines });
  blocks.push({ kind: 'paragraph', text: `In the light of this analysis, central state bodies selected ${issues(list.selected)} that require a decision at the central level.` });
  if (a.previousList && a.previousList.total > 0) {
    const b = a.previousList.byDisposition;
    const parts = [
      b.EXECUTED.count ? `${count(L, b.EXECUTED.count)} executed` : '',
      b.NOT_SUPPORTED_LOCAL_COMPETENCE.count ? `${count(L, b.NOT_SUPPORTED_LOCAL_COMPETENCE.count)} not supported by state bodies` : '',
      b.IN_EXECUTION.count ? `${count(L, b.IN_EXECUTION.count)} in execution` : '',
      b.CONSIDER_AT_BUDGET_REFINEMENT.count ? `${count(L, b.CONSIDER_AT_BUDGET_REFINEMENT.count)} to be considered at budget refinement` : '',
      b.ALREADY_FUNDED_IN_REPUBLICAN_BUDGET.count ? `${count(L, b.ALREADY_FUNDED_IN_REPUBLICAN_BUDGET.count)} funded in the republican budget` : '',
      b.NO_DOCUMENTATION.count ? `${count(L, b.NO_DOCUMENTATION.count)} without documentation` : '',
    ].filter(Boolean);
    blocks.push({ kind: 'paragraph', text: `In ${period(a.previousList.half)}, ${issues(a.previousList.total)} required a decision at the central level; at the end of ${period(p)}: ${parts.join(', ')}.` });
  }
  const requests = requestsParagraph(a.budgetRequests, p);
  if (requests) blocks.push({ kind: 'paragraph', text: requests });

  if (a.yearTotals) {
    const t = a.yearTotals;
    blocks.push({
      kind: 'paragraph',
      text: `Over ${t.year} as a whole, akims of all levels held ${thousands(L, t.meetings)} meetings; citizens raised ${thousands(L, t.issuesRaised)} issues, of which ${thousands(L, t.issuesResolved)} were resolved${t.resolutionRate === null ? '' : `, or ${percent(L, t.resolutionRate)}`}.`,
    });
  }
  if (a.ranking.top.length) {
    blocks.push(
      { kind: 'paragraph', text: `The most effective regions in ${period(a.ranking.period)}:` },
      { kind: 'list', items: a.ranking.top.map((r) => `${n.region(r.kato)} – ${percent(L, r.rate)} of issues resolved;`) },
    );
  }
  if (a.ranking.bottom.length) {
    blocks.push(
      { kind: 'paragraph', text: `The lowest results in ${period(a.ranking.period)}:` },
      { kind: 'list', items: a.ranking.bottom.map((r) => `${n.region(r.kato)} – ${percent(L, r.rate)} of issues resolved;`) },
    );
  }
  const g = a.growth;
  if (g.ratio !== null && g.previousMeetings > 0) {
    const change = g.ratio >= 1.05 ? `grew ${times(L, g.ratio)}` : g.ratio <= 0.95 ? `fell ${times(L, 1 / g.ratio)}` : 'stayed at the same level';
    blocks.push({ kind: 'paragraph', text: `The number of akims’ meetings in ${period(p)} (${thousands(L, g.meetings)}) ${change} compared with ${period(g.previous)} (${thousands(L, g.previousMeetings)}).` });
  }
  const plans = a.actionPlans;
  blocks.push({
    kind: 'paragraph',
    text: plans.notPublished.length === 0
      ? `The action plans for ${period(p)} are published on the official websites of all ${count(L, plans.regions)} akimats.`
      : `After the meetings, local executive bodies approve action plans to solve the problem issues, which must be published on the akimats’ official websites. The plan for ${period(p)} has not been published on the websites of ${count(L, plans.notPublished.length)} ${plans.notPublished.length === 1 ? 'akimat' : 'akimats'}: ${plans.notPublished.map(n.regionShort).join(', ')}.`,
  });

  blocks.push({ kind: 'heading', text: `Meetings of heads of central executive bodies with the population in ${period(p)} (Ministry of Information and Social Development)` });
  blocks.push(...central(f.central.current, n.bodyShort, n.requirement));
  const cg = f.central.growth;
  if (cg && cg.ratio !== null) {
    const change = cg.ratio >= 1.05 ? `rose ${times(L, cg.ratio)}` : cg.ratio <= 0.95 ? `fell ${times(L, 1 / cg.ratio)}` : 'stayed the same';
    blocks.push({ kind: 'paragraph', text: `Comparing ${period(cg.to)} with ${period(cg.from)}, the pace of ministers’ meetings with the population ${change}.` });
  }
  if (f.central.year) {
    blocks.push({ kind: 'heading', text: `Meetings of heads of central executive bodies: ${f.period.year} as a whole` });
    blocks.push(...central(f.central.year, n.bodyShort, n.requirement));
  }
  return {
    lang: L,
    title: 'INFORMATION AND REFERENCE MATERIALS',
    blocks,
    footer: `${meta.draft ? 'Draft. ' : ''}Generated by Kezdesu on ${meta.generatedOn} from data as of ${f.asOf}.`,
  };
};
