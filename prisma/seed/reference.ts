import fs from 'node:fs';
import path from 'node:path';
import { PLACE_STEMS, personName } from './names';
import type { Rng } from './rng';

// Reference data: regions from the committed CSV, the briefing's categories,
// central bodies, and generated units and officials below each region.

export type RegionRow = {
  id: number; kato: string; iso: string; kind: 'OBLAST' | 'CITY';
  name_ru: string; name_kk: string; name_en: string; short_ru: string | null;
  centre_en: string; centre_lat: string; centre_lon: string; tile_col: number; tile_row: number;
};

export const REGIONS_CSV = path.resolve('prisma/reference/regions.csv');

export function readRegions(file = REGIONS_CSV): RegionRow[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const cols = (header as string).split(',');
  return lines.map((line, i) => {
    const cells = line.split(',');
    const get = (name: string) => cells[cols.indexOf(name)] ?? '';
    return {
      id: i + 1,
      kato: get('kato'),
      iso: get('iso3166_2'),
      kind: get('kind') === 'city' ? 'CITY' : 'OBLAST',
      name_ru: get('name_ru'), name_kk: get('name_kk'), name_en: get('name_en'),
      short_ru: get('short_ru') || null,
      centre_en: get('centre_en'), centre_lat: get('centre_lat'), centre_lon: get('centre_lon'),
      tile_col: Number(get('tile_col')), tile_row: Number(get('tile_row')),
    };
  });
}

export const CATEGORIES = [
  { code: 'HOUSING_UTILITIES', ru: 'Жилищно-коммунальная инфраструктура', kk: 'Тұрғын үй-коммуналдық инфрақұрылым', en: 'Housing and utilities infrastructure' },
  { code: 'LANDSCAPING_ECOLOGY', ru: 'Благоустройство и экология', kk: 'Абаттандыру және экология', en: 'Landscaping and ecology' },
  { code: 'ROADS', ru: 'Реконструкция дорог', kk: 'Жолдарды қайта жаңарту', en: 'Road reconstruction' },
  { code: 'SOCIAL_INFRASTRUCTURE', ru: 'Строительство объектов социальной инфраструктуры', kk: 'Әлеуметтік инфрақұрылым нысандарын салу', en: 'Construction of social infrastructure' },
  { code: 'LAND', ru: 'Земельные вопросы', kk: 'Жер мәселелері', en: 'Land questions' },
  { code: 'HOUSING', ru: 'Жилищные вопросы', kk: 'Тұрғын үй мәселелері', en: 'Housing questions' },
  { code: 'OTHER', ru: 'Другое', kk: 'Басқа', en: 'Other' },
] as const;
export type CategoryCode = (typeof CATEGORIES)[number]['code'];

export const CENTRAL_BODIES = [
  { code: 'NATIONAL_ECONOMY', short: 'МНЭ', ru: 'Министерство национальной экономики', kk: 'Ұлттық экономика министрлігі', en: 'Ministry of National Economy' },
  { code: 'INFORMATION', short: 'МИОР', ru: 'Министерство информации и общественного развития', kk: 'Ақпарат және қоғамдық даму министрлігі', en: 'Ministry of Information and Social Development' },
  { code: 'EDUCATION', short: 'МП', ru: 'Министерство просвещения', kk: 'Оқу-ағарту министрлігі', en: 'Ministry of Education' },
  { code: 'LABOUR', short: 'МТСЗН', ru: 'Министерство труда и социальной защиты населения', kk: 'Еңбек және халықты әлеуметтік қорғау министрлігі', en: 'Ministry of Labour and Social Protection' },
  { code: 'AGRICULTURE', short: 'МСХ', ru: 'Министерство сельского хозяйства', kk: 'Ауыл шаруашылығы министрлігі', en: 'Ministry of Agriculture' },
  { code: 'INTERNAL_AFFAIRS', short: 'МВД', ru: 'Министерство внутренних дел', kk: 'Ішкі істер министрлігі', en: 'Ministry of Internal Affairs' },
  { code: 'HEALTHCARE', short: 'МЗ', ru: 'Министерство здравоохранения', kk: 'Денсаулық сақтау министрлігі', en: 'Ministry of Healthcare' },
  { code: 'INDUSTRY', short: 'МИИР', ru: 'Министерство индустрии и инфраструктурного развития', kk: 'Индустрия және инфрақұрылымдық даму министрлігі', en: 'Ministry of Industry and Infrastructure Development' },
  { code: 'ECOLOGY', short: 'МЭГПР', ru: 'Министерство экологии, геологии и природных ресурсов', kk: 'Экология, геология және табиғи ресурстар министрлігі', en: 'Ministry of Ecology, Geology and Natural Resources' },
  { code: 'ENERGY', short: 'МЭ', ru: 'Министерство энергетики', kk: 'Энергетика министрлігі', en: 'Ministry of Energy' },
  { code: 'JUSTICE', short: 'МЮ', ru: 'Министерство юстиции', kk: 'Әділет министрлігі', en: 'Ministry of Justice' },
  { code: 'FINANCE', short: 'МФ', ru: 'Министерство финансов', kk: 'Қаржы министрлігі', en: 'Ministry of Finance' },
  { code: 'DIGITAL', short: 'МЦРИАП', ru: 'Министерство цифрового развития, инноваций и аэрокосмической промышленности', kk: 'Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі', en: 'Ministry of Digital Development, Innovation and Aerospace Industry' },
  { code: 'CULTURE_SPORT', short: 'МКС', ru: 'Министерство культуры и спорта', kk: 'Мәдениет және спорт министрлігі', en: 'Ministry of Culture and Sport' },
  { code: 'EMERGENCIES', short: 'МЧС', ru: 'Министерство по чрезвычайным ситуациям', kk: 'Төтенше жағдайлар министрлігі', en: 'Ministry of Emergency Situations' },
  { code: 'TRADE', short: 'МТИ', ru: 'Министерство торговли и интеграции', kk: 'Сауда және интеграция министрлігі', en: 'Ministry of Trade and Integration' },
] as const;
export type BodyCode = (typeof CENTRAL_BODIES)[number]['code'];

/** Which body an escalated issue of a category is addressed to. */
export const BODY_FOR_CATEGORY: Record<CategoryCode, readonly BodyCode[]> = {
  HOUSING_UTILITIES: ['INDUSTRY', 'ENERGY'],
  LANDSCAPING_ECOLOGY: ['ECOLOGY'],
  ROADS: ['INDUSTRY'],
  SOCIAL_INFRASTRUCTURE: ['EDUCATION', 'HEALTHCARE', 'CULTURE_SPORT'],
  LAND: ['AGRICULTURE'],
  HOUSING: ['INDUSTRY', 'LABOUR'],
  OTHER: ['NATIONAL_ECONOMY', 'FINANCE', 'DIGITAL'],
};

export type UnitRow = {
  id: number; region_id: number; parent_id: number | null; kind: 'DISTRICT' | 'CITY' | 'RURAL_DISTRICT';
  code: string; name_ru: string; name_kk: string; name_en: string;
};

export type OfficialRow = {
  id: number; full_name: string;
  position: 'AKIM_REGION' | 'AKIM_DISTRICT' | 'AKIM_RURAL' | 'MINISTER' | 'VICE_MINISTER' | 'COMMITTEE_CHAIR';
  central_body_id: number | null; region_id: number | null; unit_id: number | null;
};

/** Districts and cities of regional significance, with rural districts under each district. */
export function generateUnits(rng: Rng, regions: readonly RegionRow[]): UnitRow[] {
  const units: UnitRow[] = [];
  for (const region of regions) {
    const prefix = region.kato.slice(0, 2);
    const stems = rng.shuffle([...PLACE_STEMS]);
    const districts = region.kind === 'CITY' ? rng.int(4, 7) : rng.int(8, 12);
    const cities = region.kind === 'CITY' ? 0 : rng.int(1, 3);
    for (let d = 0; d < districts + cities; d++) {
      const [ru, kk, en] = stems[d % stems.length] as readonly [string, string, string];
      const isCity = d >= districts;
      const id = units.length + 1;
      units.push({
        id, region_id: region.id, parent_id: null, kind: isCity ? 'CITY' : 'DISTRICT',
        code: `${prefix}${String(d + 1).padStart(2, '0')}00000`,
        name_ru: isCity ? `город ${ru}` : `район ${ru}`,
        name_kk: isCity ? `${kk} қаласы` : `${kk} ауданы`,
        name_en: isCity ? `${en} City` : `${en} District`,
      });
      if (isCity || region.kind === 'CITY') continue;
      const rural = rng.int(5, 8);
      const ruralStems = rng.shuffle([...PLACE_STEMS]).filter(([s]) => s !== ru);
      for (let r = 0; r < rural; r++) {
        const [rru, rkk, ren] = ruralStems[r] as readonly [string, string, string];
        units.push({
          id: units.length + 1, region_id: region.id, parent_id: id, kind: 'RURAL_DISTRICT',
          code: `${prefix}${String(d + 1).padStart(2, '0')}${String(r + 1).padStart(3, '0')}00`,
          name_ru: `сельский округ ${rru}`, name_kk: `${rkk} ауылдық округі`, name_en: `${ren} Rural District`,
        });
      }
    }
  }
  return units;
}

/** One akim per region and unit; a minister, vice-ministers and committee chairs per body. */
export function generateOfficials(rng: Rng, regions: readonly RegionRow[], units: readonly UnitRow[]): OfficialRow[] {
  const officials: OfficialRow[] = [];
  const add = (o: Omit<OfficialRow, 'id' | 'full_name'>, female = rng.chance(0.15)) =>
    officials.push({ id: officials.length + 1, full_name: personName(rng.pick, female), ...o });
  for (const r of regions) add({ position: 'AKIM_REGION', central_body_id: null, region_id: r.id, unit_id: null }, false);
  for (const u of units) {
    const position = u.kind === 'RURAL_DISTRICT' ? 'AKIM_RURAL' : 'AKIM_DISTRICT';
    add({ position, central_body_id: null, region_id: u.region_id, unit_id: u.id });
  }
  CENTRAL_BODIES.forEach((_, i) => {
    const body = i + 1;
    add({ position: 'MINISTER', central_body_id: body, region_id: null, unit_id: null });
    for (let v = 0; v < 3; v++) add({ position: 'VICE_MINISTER', central_body_id: body, region_id: null, unit_id: null });
    for (let c = 0; c < 2; c++) add({ position: 'COMMITTEE_CHAIR', central_body_id: body, region_id: null, unit_id: null });
  });
  return officials;
}
