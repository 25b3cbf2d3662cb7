// The import template: one row per raised issue, its meeting's columns repeated. Headers are
// Russian as akimats write them; a header is also recognised by its key or its Kazakh form.
// The README's "Import columns" section lists the same columns.

export const IMPORT_COLUMNS = [
  { key: 'region', ru: 'Регион', kk: 'Өңір', required: true },
  { key: 'externalRef', ru: 'Номер встречи', kk: 'Кездесу нөмірі', required: true },
  { key: 'heldOn', ru: 'Дата встречи', kk: 'Кездесу күні', required: true },
  { key: 'level', ru: 'Уровень акима', kk: 'Әкім деңгейі', required: true },
  { key: 'unit', ru: 'Код района или сельского округа', kk: 'Аудан немесе ауылдық округ коды', required: false },
  { key: 'venue', ru: 'Место проведения', kk: 'Өткізу орны', required: true },
  { key: 'attendance', ru: 'Число участников', kk: 'Қатысушылар саны', required: false },
  { key: 'issueNumber', ru: 'Номер вопроса', kk: 'Мәселе нөмірі', required: true },
  { key: 'category', ru: 'Категория', kk: 'Санат', required: true },
  { key: 'description', ru: 'Содержание вопроса', kk: 'Мәселенің мазмұны', required: true },
  { key: 'responsible', ru: 'Уровень решения', kk: 'Шешу деңгейі', required: true },
  { key: 'status', ru: 'Статус', kk: 'Мәртебе', required: true },
  { key: 'statusOn', ru: 'Дата статуса', kk: 'Мәртебе күні', required: false },
  { key: 'comment', ru: 'Комментарий', kk: 'Түсініктеме', required: false },
  { key: 'needKzt', ru: 'Потребность из МБ, тенге', kk: 'ЖБ-дан қажеттілік, теңге', required: false },
  { key: 'allocatedKzt', ru: 'Выделено из МБ, тенге', kk: 'ЖБ-дан бөлінді, теңге', required: false },
] as const;

export type ColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export const normalizeHeader = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');

const HEADER_INDEX = new Map<string, ColumnKey>();
for (const c of IMPORT_COLUMNS) {
  for (const name of [c.key, c.ru, c.kk]) HEADER_INDEX.set(normalizeHeader(name), c.key);
}

/** The column each header names, or null for a column the importer does not know (ignored). */
export const columnOfHeader = (header: string): ColumnKey | null => HEADER_INDEX.get(normalizeHeader(header)) ?? null;
