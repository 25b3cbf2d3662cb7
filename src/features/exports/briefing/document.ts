import type { DecreeRequirement } from '@/server/records/meetings/rules';
import type { BriefingFigures } from './figures';
import type { Lang } from './numbers';

// The briefing as a list of blocks, made by one template per language from the figures and
// rendered alike to DOCX and PDF, so both say exactly the same.

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'subtitle'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'list'; items: string[] };

export type BriefingDocument = { lang: Lang; title: string; blocks: Block[]; footer: string };

/** Names of what the figures name by code, in the template's language. */
export type Names = {
  region: (kato: string) => string;
  /** The short form the briefing uses where one exists (ВКО), else the name. */
  regionShort: (kato: string) => string;
  body: (code: string) => string;
  bodyShort: (code: string) => string;
  category: (code: string) => string;
  requirement: (r: DecreeRequirement) => string;
};

export type Template = (f: BriefingFigures, names: Names, meta: { generatedOn: string; draft: boolean }) => BriefingDocument;

