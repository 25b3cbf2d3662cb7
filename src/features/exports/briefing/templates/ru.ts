import { DECREE_REQUIREMENTS } from '@/server/records/meetings/rules';
import type { Disposition } from '@/generated/prisma/enums';
import type { Block, Template } from '../document';
import type { BriefingRequests, CentralFigures } from '../figures';
import { count, money, percent, thousands, thousandsUnderstates, times } from '../numbers';

// The Russian briefing, worded after the ministries' own (seed-report-2022-ru.txt). Every
// number comes from the figures; every sentence names the period it speaks of.

const L = 'ru' as const;
const sentence = (s: string) => (s.endsWith('.') ? s : `${s}.`);

/** 1 вопрос, 2 вопроса, 5 вопросов. */
function plural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const dd = n % 100;
  if (d === 1 && dd !== 11) return one;
  if (d >= 2 && d <= 4 && (dd < 12 || dd > 14)) return few;
  return many;
}
const issues = (n: number) => `${count(L, n)} ${plural(n, 'вопрос', 'вопроса', 'вопросов')}`;
const issuesDat = (n: number) => `${count(L, n)} ${plural(n, 'вопросу', 'вопросам', 'вопросам')}`;
const meetingsNom = (n: number) => plural(n, 'встреча', 'встречи', 'встреч');
const lowerFirst = (s: string) => (/^.[a-zа-яё]/u.test(s) ? s[0]!.toLowerCase() + s.slice(1) : s);

/** "2 полугодия 2022 года" / "2022 года": a period code in the genitive. */
function periodGen(code: string): string {
  const [year, half] = code.split('-H');
  return half ? `${half} полугодия ${year} года` : `${year} года`;
}
/** "2 полугодие 2022 года" / "2022 год". */
function periodAcc(code: string): string {
  const [year, half] = code.split('-H');
  return half ? `${half} полугодие ${year} года` : `${year} год`;
}

/** "2 полугодии 2022 года" / "2022 году". */
function periodLoc(code: string): string {
  const [year, half] = code.split('-H');
  return half ? `${half} полугодии ${year} года` : `${year} году`;
}
/** "1 полугодием 2022 года" / "2021 годом". */
function periodIns(code: string): string {
  const [year, half] = code.split('-H');
  return half ? `${half} полугодием ${year} года` : `${year} годом`;
}

/** Categories in the dative, as the briefing lists them ("по жилищно-коммунальной инфраструктуре"). */
const CATEGORY_DATIVE: Record<string, string> = {
  HOUSING_UTILITIES: 'жилищно-коммунальной инфраструктуре',
  LANDSCAPING_ECOLOGY: 'благоустройству и экологии',
  ROADS: 'реконструкции дорог',
  SOCIAL_INFRASTRUCTURE: 'строительству объектов социальной инфраструктуры',
};

function categoryList(codes: string[], name: (code: string) => string): string {
  const joined = ['LAND', 'HOUSING', 'OTHER'];
  const rest = codes.filter((c) => !joined.includes(c)).map((c) => CATEGORY_DATIVE[c] ?? name(c).toLowerCase());
  // The briefing joins "земельным и жилищным вопросам" into one phrase.
  const land = codes.includes('LAND');
  const housing = codes.includes('HOUSING');
  if (land && housing) rest.push('земельным и жилищным вопросам');
  else if (land) rest.push('земельным вопросам');
  else if (housing) rest.push('жилищным вопросам');
  return `${rest.join(', ')}${codes.includes('OTHER') ? ' и др.' : ''}`;
}

const DISPOSITION_LINE: Record<Disposition, (n: number, kzt: number, year: number) => string> = {
  NO_DOCUMENTATION: (n) => `по ${issuesDat(n)} у регионов отсутствует необходимая документация;`,
  ALREADY_FUNDED_IN_REPUBLICAN_BUDGET: (n, kzt) => `по ${issuesDat(n)} в РБ уже предусмотрено ${money(L, kzt)};`,
  CONSIDER_AT_BUDGET_REFINEMENT: (n, kzt, year) =>
    `по ${issuesDat(n)} – возможность выделения средств в сумме ${money(L, kzt)} будет рассмотрена при уточнении республиканского бюджета на ${year} год;`,
  IN_EXECUTION: (n) => `${issues(n)} – на исполнении госорганов;`,
  NOT_SUPPORTED_LOCAL_COMPETENCE: (n) => `${issues(n)} – не поддержаны госорганами в связи с компетенцией местного исполнительного органа по решению данных вопросов;`,
  EXECUTED: (n) => `${issues(n)} – уже исполнены госорганами.`,
};


/** The budget requests paragraph, after the central-level list: what akimats filed and what became of it. */
function requestsParagraph(r: BriefingRequests, p: string): string | null {
  if (r.requested.count === 0 && r.listWithoutRequest === 0) return null;
  const requests = (n: number) => `${count(L, n)} ${plural(n, 'бюджетная заявка', 'бюджетные заявки', 'бюджетных заявок')}`;
  const filed = r.requested.count === 0
    ? `За ${periodAcc(p)} бюджетные заявки в центральные государственные органы акиматами не внесены`
    : `За ${periodAcc(p)} акиматами в центральные государственные органы ${plural(r.requested.count, 'внесена', 'внесены', 'внесено')} ${requests(r.requested.count)} на ${money(L, r.requested.amountKzt)}`;
  const parts = [
    r.approved.count ? `одобрено ${count(L, r.approved.count)} на ${money(L, r.approved.approvedKzt)}` : '',
    r.partiallyApproved.count ? `частично одобрено ${count(L, r.partiallyApproved.count)} на ${money(L, r.partiallyApproved.approvedKzt)} из запрошенных ${money(L, r.partiallyApproved.amountKzt)}` : '',
    r.pending.count ? `на рассмотрении ${count(L, r.pending.count)} на ${money(L, r.pending.amountKzt)}` : '',
    r.rejected.count ? `отклонено ${count(L, r.rejected.count)} на ${money(L, r.rejected.amountKzt)}` : '',
    r.withdrawn.count ? `отозвано акиматами ${count(L, r.withdrawn.count)}` : '',
  ].filter(Boolean);
  const tail = r.listWithoutRequest > 0 ? `; по ${issuesDat(r.listWithoutRequest)} перечня заявки не внесены` : '';
  return `${filed}${parts.length ? `, из них ${parts.join(', ')}` : ''}${tail}.`;
}
function central(c: CentralFigures, bodyShort: (code: string) => string, requirement: (r: (typeof DECREE_REQUIREMENTS)[number]) => string): Block[] {
  const out: Block[] = [];
  const halves = c.byHalf.length > 1 ? `, из которых ${c.byHalf.map((h, i) => `${count(L, h.scheduled)} – на ${i === 0 ? 'первое' : 'второе'}`).join(', ')} полугодие` : '';
  out.push({
    kind: 'paragraph',
    text: `Согласно Графику, на ${periodAcc(c.period)} запланировано ${count(L, c.scheduled)} ${meetingsNom(c.scheduled)}${halves}. Всего за ${periodAcc(c.period)} проведено ${count(L, c.held)} ${meetingsNom(c.held)}.`,
  });
  const resolvedShare = c.issuesVoiced === 0 ? '' : ` или ${percent(L, c.issuesResolved / c.issuesVoiced, 0)}`;
  out.push({
    kind: 'paragraph',
    text: `В рамках выездных встреч по итогам ${periodGen(c.period)} проведено ${count(L, c.personalReceptions)} ${plural(c.personalReceptions, 'личный прием', 'личных приема', 'личных приемов')}, на которых ${plural(c.citizensReceived, 'принят', 'приняты', 'приняты')} ${count(L, c.citizensReceived)} ${plural(c.citizensReceived, 'гражданин', 'гражданина', 'граждан')}. Населением озвучено ${count(L, c.issuesVoiced)} ${plural(c.issuesVoiced, 'проблемный вопрос', 'проблемных вопроса', 'проблемных вопросов')}. Из них ${count(L, c.issuesResolved)}${resolvedShare} – решены, ${count(L, c.issuesInExecution)} – находятся на исполнении у государственных органов.`,
  });
  const shares = DECREE_REQUIREMENTS.filter((r) => c.requirements[r] !== null).map((r) => `${lowerFirst(requirement(r))} – ${percent(L, c.requirements[r] as number)} встреч`);
  if (shares.length) out.push({ kind: 'paragraph', text: `Соблюдение требований Указа за ${periodAcc(c.period)}:` }, { kind: 'list', items: shares });
  if (c.shortfalls.length) {
    out.push(
      { kind: 'paragraph', text: 'Имели место случаи неполного соблюдения требований центральными исполнительными органами:' },
      {
        kind: 'list',
        items: c.shortfalls.map((b) => {
          const parts: string[] = [];
          if (b.held < b.scheduled) parts.push(`проведено ${count(L, b.held)} из ${count(L, b.scheduled)} запланированных встреч`);
          if (b.requirements.length) parts.push(`менее чем на половине встреч: ${b.requirements.map((r) => lowerFirst(requirement(r))).join(', ')}`);
          return `${bodyShort(b.code)} – ${parts.join('; ')};`;
        }),
      },
    );
  }
  return out;
}

export const ru: Template = (f, n, meta) => {
  const a = f.akim;
  const p = f.period.code;
  const blocks: Block[] = [];
  blocks.push({ kind: 'subtitle', text: `Об итогах проведения встреч акимов и руководителей центральных исполнительных органов с населением за ${periodAcc(p)}` });

  // ---- akims (MNE line) ----
  blocks.push({ kind: 'heading', text: `Встречи акимов с населением за ${periodAcc(p)} (по линии МНЭ РК)` });
  blocks.push({
    kind: 'paragraph',
    text: `По итогам ${periodGen(p)} было проведено ${a.meetings >= 1000 ? 'порядка ' : ''}${thousands(L, a.meetings)} встреч. Населением было поднято ${thousandsUnderstates(a.issuesRaised) ? 'более ' : ''}${thousands(L, a.issuesRaised)} предложений и вопросов по ${sentence(categoryList(a.categories.map((c) => c.code), n.category))}`,
  });
  blocks.push({ kind: 'paragraph', text: `По итогам встреч местными исполнительными органами решено ${thousands(L, a.issuesResolved)} вопросов.` });
  if (a.budget.needKzt > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Потребность с местного бюджета для решения вопросов, поднятых населением в ${periodLoc(p)}, составляет ${money(L, a.budget.needKzt)}, из них выделено с местного бюджета ${money(L, a.budget.allocatedKzt)} или ${percent(L, a.budget.allocatedShare ?? 0)} от потребности.`,
    });
  }
  if (a.republicanBudget.needKzt > 0) {
    blocks.push({
      kind: 'paragraph',
      text: `Потребность с республиканского бюджета по этим вопросам составляет ${money(L, a.republicanBudget.needKzt)}, ${a.republicanBudget.allocatedKzt > 0 ? `из них выделено ${money(L, a.republicanBudget.allocatedKzt)} или ${percent(L, a.republicanBudget.allocatedShare ?? 0)} от потребности` : 'средства пока не выделены'}.`,
    });
  }
  const list = a.centralList;
  blocks.push({
    kind: 'paragraph',
    text: `На основании предложений местных исполнительных органов за ${periodAcc(p)} сформирован перечень проблемных вопросов, требующих решения на уровне центральных исполнительных органов. Данный перечень состоит из ${count(L, list.total)} ${plural(list.total, 'вопроса', 'вопросов', 'вопросов')}.`,
  });
  const lines = (Object.keys(DISPOSITION_LINE) as Disposition[])
    .filter((d) => list.byDisposition[d].count > 0)
    .map((d) => DISPOSITION_LINE[d](list.byDisposition[d].count, list.byDisposition[d].amountKzt, f.period.year + 1));
  if (list.undecided > 0) lines.push(`по ${issuesDat(list.undecided)} решение госорганами ещё не принято.`);
  if (lines.length) blocks.push({ kind: 'paragraph', text: 'Детальный анализ данного перечня показал, что:' }, { kind: 'list', items: lines });
  blocks.push({ kind: 'paragraph', text: `С учетом вышеуказанного анализа центральными государственными органами отобраны ${issues(list.selected)}, требующих решения на уровне центральных госорганов.` });

  if (a.previousList && a.previousList.total > 0) {
    const b = a.previousList.byDisposition;
    const parts = [
      b.EXECUTED.count ? `${issues(b.EXECUTED.count)} исполнены` : '',
      b.NOT_SUPPORTED_LOCAL_COMPETENCE.count ? `${issues(b.NOT_SUPPORTED_LOCAL_COMPETENCE.count)} не поддержаны госорганами` : '',
      b.IN_EXECUTION.count ? `${issues(b.IN_EXECUTION.count)} находятся на исполнении` : '',
      b.CONSIDER_AT_BUDGET_REFINEMENT.count ? `${issues(b.CONSIDER_AT_BUDGET_REFINEMENT.count)} будут рассмотрены при уточнении бюджета` : '',
      b.ALREADY_FUNDED_IN_REPUBLICAN_BUDGET.count ? `по ${issuesDat(b.ALREADY_FUNDED_IN_REPUBLICAN_BUDGET.count)} средства предусмотрены в РБ` : '',
      b.NO_DOCUMENTATION.count ? `по ${issuesDat(b.NO_DOCUMENTATION.count)} отсутствует документация` : '',
    ].filter(Boolean);
    blocks.push({
      kind: 'paragraph',
      text: `Вместе с тем, по итогам ${periodGen(a.previousList.half)} ${count(L, a.previousList.total)} ${plural(a.previousList.total, 'вопрос требовал', 'вопроса требовали', 'вопросов требовали')} решения на центральном уровне, из которых на конец ${periodGen(p)} ${parts.join(', ')}.`,
    });
  }

  const requests = requestsParagraph(a.budgetRequests, p);
  if (requests) blocks.push({ kind: 'paragraph', text: requests });

  if (a.yearTotals) {
    const t = a.yearTotals;
    blocks.push({
      kind: 'paragraph',
      text: `В целом по итогу ${t.year} года акимами всех уровней было проведено ${thousands(L, t.meetings)} встреч, ${thousands(L, t.issuesRaised)} вопросов поднято населением, ${thousands(L, t.issuesResolved)} были решены${t.resolutionRate === null ? '' : `, что составляет ${percent(L, t.resolutionRate)}`}.`,
    });
  }
  if (a.ranking.top.length) {
    blocks.push(
      { kind: 'paragraph', text: `Самыми эффективными регионами по итогам ${periodGen(a.ranking.period)} являются:` },
      { kind: 'list', items: a.ranking.top.map((r) => `${n.region(r.kato)} – ${percent(L, r.rate)} вопросов решены;`) },
    );
  }
  if (a.ranking.bottom.length) {
    blocks.push(
      { kind: 'paragraph', text: `Самые низкие показатели по итогам ${periodGen(a.ranking.period)}:` },
      { kind: 'list', items: a.ranking.bottom.map((r) => `${n.region(r.kato)} – ${percent(L, r.rate)} вопросов решены;`) },
    );
  }
  const g = a.growth;
  if (g.ratio !== null && g.previousMeetings > 0) {
    const change = g.ratio >= 1.05 ? `увеличилось ${times(L, g.ratio)}` : g.ratio <= 0.95 ? `уменьшилось ${times(L, 1 / g.ratio)}` : 'осталось на прежнем уровне';
    blocks.push({
      kind: 'paragraph',
      text: `Количество встреч акимов с населением за ${periodAcc(p)} (${thousands(L, g.meetings)}) по сравнению с ${periodIns(g.previous)} (${thousands(L, g.previousMeetings)}) ${change}.`,
    });
  }
  const plans = a.actionPlans;
  blocks.push({
    kind: 'paragraph',
    text: plans.notPublished.length === 0
      ? `Планы действий по решению проблемных вопросов за ${periodAcc(p)} опубликованы на официальных интернет-ресурсах всех ${count(L, plans.regions)} акиматов.`
      : `По итогам встреч местными исполнительными органами утверждаются Планы действий по решению проблемных вопросов, которые подлежат опубликованию на официальном интернет-ресурсе акиматов. Однако за ${periodAcc(p)} план не опубликован на сайтах ${count(L, plans.notPublished.length)} ${plural(plans.notPublished.length, 'акимата', 'акиматов', 'акиматов')}: ${plans.notPublished.map(n.regionShort).join(', ')}.`,
  });

  // ---- central officials (MIOR line) ----
  blocks.push({ kind: 'heading', text: `Встречи руководителей центральных исполнительных органов с населением за ${periodAcc(p)} (по линии МИОР РК)` });
  blocks.push(...central(f.central.current, n.bodyShort, n.requirement));
  const cg = f.central.growth;
  if (cg && cg.ratio !== null) {
    const change = cg.ratio >= 1.05 ? `увеличение темпов проведения встреч ${times(L, cg.ratio)}` : cg.ratio <= 0.95 ? `снижение темпов проведения встреч ${times(L, 1 / cg.ratio)}` : 'сохранение темпов проведения встреч';
    blocks.push({ kind: 'paragraph', text: `Сравнительный анализ встреч министров с населением за ${periodAcc(cg.to)} и ${periodAcc(cg.from)} показал ${change}.` });
  }
  if (f.central.year) {
    blocks.push({ kind: 'heading', text: `Встречи руководителей центральных исполнительных органов: итоги ${f.period.year} года` });
    blocks.push(...central(f.central.year, n.bodyShort, n.requirement));
  }
  return {
    lang: L,
    title: 'ИНФОРМАЦИОННО-СПРАВОЧНЫЕ МАТЕРИАЛЫ',
    blocks,
    footer: `${meta.draft ? 'Проект. ' : ''}Сформировано Kezdesu ${meta.generatedOn} по данным на ${f.asOf}.`,
  };
};
