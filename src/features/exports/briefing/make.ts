import 'server-only';
import { db } from '@/server/db/client';
import { pickName } from '@/i18n/pick-name';
import { type ExportLang, translatorFor } from '../translator';
import type { BriefingDocument, Names, Template } from './document';
import type { BriefingFigures } from './figures';
import { renderDocx } from './render-docx';
import { renderPdf } from './render-pdf';
import { en } from './templates/en';
import { kk } from './templates/kk';
import { ru } from './templates/ru';
import { todayInKazakhstan } from '@/lib/calendar';

// From figures to a file: the language's template, the names of regions and bodies in that
// language, then DOCX or PDF.

export const BRIEFING_FORMATS = ['docx', 'pdf'] as const;
export type BriefingFormat = (typeof BRIEFING_FORMATS)[number];
export const CONTENT_TYPES: Record<BriefingFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

const TEMPLATES: Record<ExportLang, Template> = { ru, kk, en };

export async function namesFor(lang: ExportLang): Promise<Names> {
  const [regions, bodies, categories, t] = await Promise.all([
    db().region.findMany(),
    db().centralBody.findMany(),
    db().issueCategory.findMany(),
    translatorFor(lang),
  ]);
  const region = new Map(regions.map((r) => [r.kato, r]));
  const body = new Map(bodies.map((b) => [b.code, b]));
  const category = new Map(categories.map((c) => [c.code, c]));
  return {
    region: (kato) => (region.has(kato) ? pickName(lang, region.get(kato)!) : kato),
    regionShort: (kato) => {
      const r = region.get(kato);
      if (!r) return kato;
      return lang === 'ru' && r.shortRu ? r.shortRu : pickName(lang, r);
    },
    body: (code) => (body.has(code) ? pickName(lang, body.get(code)!) : code),
    // Russian papers name ministries by their abbreviation; the other languages by name.
    bodyShort: (code) => {
      const b = body.get(code);
      if (!b) return code;
      return lang === 'ru' ? b.shortRu : pickName(lang, b);
    },
    category: (code) => (category.has(code) ? pickName(lang, category.get(code)!) : code),
    requirement: (r) => t(`codes.requirement.${r}`),
  };
}

export async function briefingDocument(figures: BriefingFigures, lang: ExportLang, draft: boolean): Promise<BriefingDocument> {
  const generatedOn = todayInKazakhstan();
  return TEMPLATES[lang](figures, await namesFor(lang), { generatedOn, draft });
}

export async function renderBriefing(figures: BriefingFigures, lang: ExportLang, format: BriefingFormat, draft: boolean): Promise<Buffer> {
  const doc = await briefingDocument(figures, lang, draft);
  return format === 'docx' ? renderDocx(doc) : renderPdf(doc);
}

export const briefingFileName = (period: string, lang: string, format: BriefingFormat, version?: number) =>
  `kezdesu-briefing-${period}${version ? `-v${version}` : ''}-${lang}.${format}`;
