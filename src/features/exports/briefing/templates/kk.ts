import { DECREE_REQUIREMENTS, type DecreeRequirement } from '@/server/records/meetings/rules';
import type { Disposition } from '@/generated/prisma/enums';
import type { Block, Template } from '../document';
import type { BriefingRequests, CentralFigures } from '../figures';
import { count, money, percent, thousands, thousandsUnderstates, times } from '../numbers';

// Қазақ тіліндегі анықтама: орыс тіліндегі нұсқаның бөлімдері мен сандары, глоссарий терминдерімен.

const lowerFirst = (s: string) => (/^.[a-zа-яёәғқңөұүһі]/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);
const L = 'kk' as const;

/** "2022 жылғы 2-жартыжылдық" / "2022 жыл". */
function nom(code: string): string {
  const [year, half] = code.split('-H');
  return half ? `${year} жылғы ${half}-жартыжылдық` : `${year} жыл`;
}
/** "2022 жылғы 2-жартыжылдықтың" / "2022 жылдың". */
function gen(code: string): string {
  const [year, half] = code.split('-H');
  return half ? `${year} жылғы ${half}-жартыжылдықтың` : `${year} жылдың`;
}
/** "2022 жылғы 2-жартыжылдықта" / "2022 жылы". */
function loc(code: string): string {
  const [year, half] = code.split('-H');
  return half ? `${year} жылғы ${half}-жартыжылдықта` : `${year} жылы`;
}

const DISPOSITION_LINE: Record<Disposition, (n: number, kzt: number, year: number) => string> = {
  NO_DOCUMENTATION: (n) => `${count(L, n)} мәселе бойынша өңірлерде қажетті құжаттама жоқ;`,
  ALREADY_FUNDED_IN_REPUBLICAN_BUDGET: (n, kzt) => `${count(L, n)} мәселе бойынша республикалық бюджетте ${money(L, kzt)} көзделген;`,
  CONSIDER_AT_BUDGET_REFINEMENT: (n, kzt, year) =>
    `${count(L, n)} мәселе бойынша ${money(L, kzt)} сомасында қаражат бөлу мүмкіндігі ${year} жылға арналған республикалық бюджетті нақтылау кезінде қаралады;`,
  IN_EXECUTION: (n) => `${count(L, n)} мәселе мемлекеттік органдарда орындалуда;`,
  NOT_SUPPORTED_LOCAL_COMPETENCE: (n) => `${count(L, n)} мәселе жергілікті атқарушы органның құзыретіне жататындықтан мемлекеттік органдардың қолдауын таппады;`,
  EXECUTED: (n) => `${count(L, n)} мәселені мемлекеттік органдар орындады.`,
};


/** The budget requests paragraph, after the central-level list: what akimats filed and what became of it. */
function requestsParagraph(r: BriefingRequests, p: string): string | null {
  if (r.requested.count === 0 && r.listWithoutRequest === 0) return null;
  const filed = r.requested.count === 0
    ? `${nom(p)} бойынша әкімдіктер орталық мемлекеттік органдарға бюджеттік өтінім енгізген жоқ`
    : `${nom(p)} бойынша әкімдіктер орталық мемлекеттік органдарға ${money(L, r.requested.amountKzt)} сомасына ${count(L, r.requested.count)} бюджеттік өтінім енгізді`;
  const parts = [
    r.approved.count ? `${count(L, r.approved.count)} өтінім ${money(L, r.approved.approvedKzt)} сомасына мақұлданды` : '',
    r.partiallyApproved.count ? `${count(L, r.partiallyApproved.count)} өтінім сұралған ${money(L, r.partiallyApproved.amountKzt)} ішінен ${money(L, r.partiallyApproved.approvedKzt)} сомасына ішінара мақұлданды` : '',
    r.pending.count ? `${money(L, r.pending.amountKzt)} сомасына ${count(L, r.pending.count)} өтінім қаралуда` : '',
    r.rejected.count ? `${money(L, r.rejected.amountKzt)} сомасына ${count(L, r.rejected.count)} өтінім қабылданбады` : '',
    r.withdrawn.count ? `${count(L, r.withdrawn.count)} өтінімді әкімдіктер кері қайтарды` : '',
  ].filter(Boolean);
  const tail = r.listWithoutRequest > 0 ? `; тізбенің ${count(L, r.listWithoutRequest)} мәселесі бойынша өтінім енгізілмеген` : '';
  return `${filed}${parts.length ? `, оның ішінде ${parts.join(', ')}` : ''}${tail}.`;
}
function central(c: CentralFigures, bodyShort: (code: string) => string, requirement: (r: DecreeRequirement) => string): Block[] {
  const out: Block[] = [];
  const halves = c.byHalf.length > 1 ? `, оның ішінде ${c.byHalf.map((h, i) => `${count(L, h.scheduled)} – ${i === 0 ? 'бірінші' : 'екінші'}`).join(', ')} жартыжылдыққа` : '';
  out.push({ kind: 'paragraph', text: `Кестеге сәйкес ${loc(c.period)} ${count(L, c.scheduled)} кездесу жоспарланды${halves}. Барлығы ${loc(c.period)} ${count(L, c.held)} кездесу өткізілді.` });
  const share = c.issuesVoiced === 0 ? '' : ` немесе ${percent(L, c.issuesResolved / c.issuesVoiced, 0)}`;
  out.push({
    kind: 'paragraph',
    text: `Көшпелі кездесулер аясында ${gen(c.period)} қорытындысы бойынша ${count(L, c.personalReceptions)} жеке қабылдау өткізіліп, онда ${count(L, c.citizensReceived)} азамат қабылданды. Халық ${count(L, c.issuesVoiced)} проблемалық мәселе көтерді. Оның ішінде ${count(L, c.issuesResolved)}${share} – шешілді, ${count(L, c.issuesInExecution)} – мемлекеттік органдарда орындалуда.`,
  });
  const shares = DECREE_REQUIREMENTS.filter((r) => c.requirements[r] !== null).map((r) => `${requirement(r)} – кездесулердің ${percent(L, c.requirements[r] as number)}`);
  if (shares.length) out.push({ kind: 'paragraph', text: `${loc(c.period)} Жарлық талаптарының сақталуы:` }, { kind: 'list', items: shares });
  if (c.shortfalls.length) {
    out.push(
      { kind: 'paragraph', text: 'Орталық атқарушы органдардың талаптарды толық сақтамаған жағдайлары орын алды:' },
      {
        kind: 'list',
        items: c.shortfalls.map((b) => {
          const parts: string[] = [];
          if (b.held < b.scheduled) parts.push(`жоспарланған ${count(L, b.scheduled)} кездесудің ${count(L, b.held)} өткізілді`);
          if (b.requirements.length) parts.push(`кездесулердің жартысынан азында: ${b.requirements.map((r) => lowerFirst(requirement(r))).join(', ')}`);
          return `${bodyShort(b.code)} – ${parts.join('; ')};`;
        }),
      },
    );
  }
  return out;
}

export const kk: Template = (f, n, meta) => {
  const a = f.akim;
  const p = f.period.code;
  const blocks: Block[] = [];
  blocks.push({ kind: 'subtitle', text: `${loc(p)} әкімдер мен орталық атқарушы органдар басшыларының халықпен кездесулерін өткізу қорытындылары туралы` });

  blocks.push({ kind: 'heading', text: `${loc(p)} әкімдердің халықпен кездесулері (ҚР Ұлттық экономика министрлігі желісі бойынша)` });
  const categories = a.categories.filter((c) => c.code !== 'OTHER').map((c) => n.category(c.code).toLowerCase());
  blocks.push({
    kind: 'paragraph',
    text: `${gen(p)} қорытындысы бойынша ${a.meetings >= 1000 ? 'шамамен ' : ''}${thousands(L, a.meetings)} кездесу өткізілді. Халық ${categories.join(', ')}${a.categories.some((c) => c.code === 'OTHER') ? ' және т.б.' : ''} бойынша ${thousands(L, a.issuesRaised)}${thousandsUnderstates(a.issuesRaised) ? 'нан астам' : ''} ұсыныс пен мәселе көтерді.`,
  });
  blocks.push({ kind: 'paragraph', text: `Кездесулер қорытындысы бойынша жергілікті атқарушы органдар ${loc(p)} ${thousands(L, a.issuesResolved)} мәселені шешті.` });
  if (a.budget.needKzt > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `${loc(p)} халық көтерген мәселелерді шешу үшін жергілікті бюджеттен қажеттілік ${money(L, a.budget.needKzt)} құрайды, оның ішінде жергілікті бюджеттен ${money(L, a.budget.allocatedKzt)} немесе қажеттіліктің ${percent(L, a.budget.allocatedShare ?? 0)} бөлінді.`,
    });
  }
  if (a.republicanBudget.needKzt > 0) {
    blocks.push({ kind: 'paragraph', text: `Осы мәселелер бойынша республикалық бюджеттен қажеттілік ${money(L, a.republicanBudget.needKzt)} құрайды, ${a.republicanBudget.allocatedKzt > 0 ? `оның ішінде ${money(L, a.republicanBudget.allocatedKzt)} немесе қажеттіліктің ${percent(L, a.republicanBudget.allocatedShare ?? 0)} бөлінді` : 'қаражат әлі бөлінген жоқ'}.` });
  }
  const list = a.centralList;
  blocks.push({
    kind: 'paragraph',
    text: `Жергілікті атқарушы органдардың ұсыныстары негізінде ${nom(p)} бойынша орталық атқарушы органдар деңгейінде шешуді талап ететін проблемалық мәселелер тізбесі қалыптастырылды. Тізбе ${count(L, list.total)} мәселеден тұрады.`,
  });
  const lines = (Object.keys(DISPOSITION_LINE) as Disposition[])
    .filter((d) => list.byDisposition[d].count > 0)
    .map((d) => DISPOSITION_LINE[d](list.byDisposition[d].count, list.byDisposition[d].amountKzt, f.period.year + 1));
  if (list.undecided > 0) lines.push(`${count(L, list.undecided)} мәселе бойынша мемлекеттік органдар әлі шешім қабылдаған жоқ.`);
  if (lines.length) blocks.push({ kind: 'paragraph', text: 'Тізбені егжей-тегжейлі талдау мынаны көрсетті:' }, { kind: 'list', items: lines });
  blocks.push({ kind: 'paragraph', text: `Осы талдауды ескере отырып, орталық мемлекеттік органдар орталық деңгейде шешуді талап ететін ${count(L, list.selected)} мәселені іріктеді.` });
  if (a.previousList && a.previousList.total > 0) {
    const b = a.previousList.byDisposition;
    const parts = [
      b.EXECUTED.count ? `${count(L, b.EXECUTED.count)} мәселе орындалды` : '',
      b.NOT_SUPPORTED_LOCAL_COMPETENCE.count ? `${count(L, b.NOT_SUPPORTED_LOCAL_COMPETENCE.count)} мәселе мемлекеттік органдардың қолдауын таппады` : '',
      b.IN_EXECUTION.count ? `${count(L, b.IN_EXECUTION.count)} мәселе орындалуда` : '',
      b.CONSIDER_AT_BUDGET_REFINEMENT.count ? `${count(L, b.CONSIDER_AT_BUDGET_REFINEMENT.count)} мәселе бюджетті нақтылау кезінде қаралады` : '',
      b.ALREADY_FUNDED_IN_REPUBLICAN_BUDGET.count ? `${count(L, b.ALREADY_FUNDED_IN_REPUBLICAN_BUDGET.count)} мәселеге республикалық бюджетте қаражат көзделген` : '',
      b.NO_DOCUMENTATION.count ? `${count(L, b.NO_DOCUMENTATION.count)} мәселе бойынша құжаттама жоқ` : '',
    ].filter(Boolean);
    blocks.push({
      kind: 'paragraph',
      text: `Сонымен қатар ${gen(a.previousList.half)} қорытындысы бойынша ${count(L, a.previousList.total)} мәселе орталық деңгейде шешуді талап етті, олардың ішінен ${gen(p)} соңында: ${parts.join(', ')}.`,
    });
  }
  const requests = requestsParagraph(a.budgetRequests, p);
  if (requests) blocks.push({ kind: 'paragraph', text: requests });

  if (a.yearTotals) {
    const t = a.yearTotals;
    blocks.push({
      kind: 'paragraph',
      text: `Жалпы ${t.year} жылдың қорытындысы бойынша барлық деңгейдегі әкімдер ${thousands(L, t.meetings)} кездесу өткізді, халық ${thousands(L, t.issuesRaised)} мәселе көтерді, оның ${thousands(L, t.issuesResolved)} шешілді${t.resolutionRate === null ? '' : `, бұл ${percent(L, t.resolutionRate)} құрайды`}.`,
    });
  }
  if (a.ranking.top.length) {
    blocks.push(
      { kind: 'paragraph', text: `${gen(a.ranking.period)} қорытындысы бойынша ең тиімді өңірлер:` },
      { kind: 'list', items: a.ranking.top.map((r) => `${n.region(r.kato)} – мәселелердің ${percent(L, r.rate)} шешілді;`) },
    );
  }
  if (a.ranking.bottom.length) {
    blocks.push(
      { kind: 'paragraph', text: `${gen(a.ranking.period)} қорытындысы бойынша ең төмен көрсеткіштер:` },
      { kind: 'list', items: a.ranking.bottom.map((r) => `${n.region(r.kato)} – мәселелердің ${percent(L, r.rate)} шешілді;`) },
    );
  }
  const g = a.growth;
  if (g.ratio !== null && g.previousMeetings > 0) {
    const change = g.ratio >= 1.05 ? `${times(L, g.ratio)} артты` : g.ratio <= 0.95 ? `${times(L, 1 / g.ratio)} азайды` : 'өзгеріссіз қалды';
    blocks.push({
      kind: 'paragraph',
      text: `${loc(p)} әкімдердің халықпен кездесулерінің саны (${thousands(L, g.meetings)}) ${gen(g.previous)} көрсеткішімен (${thousands(L, g.previousMeetings)}) салыстырғанда ${change}.`,
    });
  }
  const plans = a.actionPlans;
  blocks.push({
    kind: 'paragraph',
    text: plans.notPublished.length === 0
      ? `${nom(p)} бойынша іс-қимыл жоспарлары барлық ${count(L, plans.regions)} әкімдіктің ресми интернет-ресурстарында жарияланды.`
      : `Кездесулер қорытындысы бойынша жергілікті атқарушы органдар проблемалық мәселелерді шешу жөніндегі іс-қимыл жоспарларын бекітеді, олар әкімдіктердің ресми интернет-ресурстарында жариялануға тиіс. Алайда ${nom(p)} бойынша жоспар ${count(L, plans.notPublished.length)} әкімдіктің сайтында жарияланбаған: ${plans.notPublished.map(n.regionShort).join(', ')}.`,
  });

  blocks.push({ kind: 'heading', text: `${loc(p)} орталық атқарушы органдар басшыларының халықпен кездесулері (ҚР Ақпарат және қоғамдық даму министрлігі желісі бойынша)` });
  blocks.push(...central(f.central.current, n.bodyShort, n.requirement));
  const cg = f.central.growth;
  if (cg && cg.ratio !== null) {
    const change = cg.ratio >= 1.05 ? `${times(L, cg.ratio)} артқанын` : cg.ratio <= 0.95 ? `${times(L, 1 / cg.ratio)} төмендегенін` : 'өзгермегенін';
    blocks.push({ kind: 'paragraph', text: `Министрлердің халықпен кездесулерін салыстырмалы талдау ${nom(cg.to)} ішінде кездесулер өткізу қарқыны ${gen(cg.from)} көрсеткішімен салыстырғанда ${change} көрсетті.` });
  }
  if (f.central.year) {
    blocks.push({ kind: 'heading', text: `Орталық атқарушы органдар басшыларының кездесулері: ${f.period.year} жылдың қорытындысы` });
    blocks.push(...central(f.central.year, n.bodyShort, n.requirement));
  }
  return {
    lang: L,
    title: 'АҚПАРАТТЫҚ-АНЫҚТАМАЛЫҚ МАТЕРИАЛДАР',
    blocks,
    footer: `${meta.draft ? 'Жоба. ' : ''}Kezdesu жүйесінде ${meta.generatedOn} қалыптастырылды, деректер ${f.asOf} жағдайы бойынша.`,
  };
};
