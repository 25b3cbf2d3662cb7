// The import template: one row per raised issue, its meeting's columns repeated. Headers are
// Russian as akimats write them; a header is also recognised by its key or its Kazakh form.
// The README's "Import columns" section lists the same columns. A row with a central body's
// code is a central official's meeting (the ministry's side); without one, an akim's meeting.
// `required`: true for every row; 'akim' / 'central' for rows of that kind only (a file of
// central meetings needs no akim level column).

export const IMPORT_COLUMNS = [
  { key: 'region', ru: 'Регион', kk: 'Өңір', required: true },
  { key: 'externalRef', ru: 'Номер встречи', kk: 'Кездесу нөмірі', required: true },
  { key: 'heldOn', ru: 'Дата встречи', kk: 'Кездесу күні', required: true },
  { key: 'level', ru: 'Уровень акима', kk: 'Әкім деңгейі', required: 'akim' },
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
  // Central officials' meetings: the body, who held it, the decree checklist, one personal reception.
  { key: 'body', ru: 'Код госоргана', kk: 'Мемлекеттік орган коды', required: false },
  { key: 'official', ru: 'Должностное лицо', kk: 'Лауазымды тұлға', required: 'central' },
  { key: 'announcedOn', ru: 'Дата анонсирования', kk: 'Хабарландыру күні', required: false },
  { key: 'announcementChannels', ru: 'Где анонсирована', kk: 'Қайда хабарланды', required: false },
  { key: 'questionsCollected', ru: 'Вопросы собраны заранее', kk: 'Сұрақтар алдын ала жиналды', required: false },
  { key: 'briefingHeld', ru: 'Проведён брифинг', kk: 'Брифинг өткізілді', required: false },
  { key: 'ngoMeetingHeld', ru: 'Проведена встреча с НПО', kk: 'ҮЕҰ-мен кездесу өткізілді', required: false },
  { key: 'actionPlanPrepared', ru: 'Подготовлен план действий', kk: 'Іс-қимыл жоспары дайындалды', required: false },
  { key: 'problemSiteVisited', ru: 'Посещён проблемный объект', kk: 'Проблемалық нысанға барды', required: false },
  { key: 'receptionOn', ru: 'Дата личного приёма', kk: 'Жеке қабылдау күні', required: false },
  { key: 'receptionCitizens', ru: 'Принято граждан', kk: 'Қабылданған азаматтар', required: false },
  { key: 'receptionVoiced', ru: 'Озвучено вопросов на приёме', kk: 'Қабылдауда айтылған мәселелер', required: false },
  { key: 'receptionResolved', ru: 'Из них решено', kk: 'Оның ішінде шешілді', required: false },
  { key: 'receptionInExecution', ru: 'Из них на исполнении', kk: 'Оның ішінде орындалуда', required: false },
] as const;

/** Columns that only a central official's meeting fills; an akim's row leaves them empty. */
export const CENTRAL_ONLY_COLUMNS = [
  'official', 'questionsCollected', 'briefingHeld', 'ngoMeetingHeld', 'actionPlanPrepared', 'problemSiteVisited',
  'receptionOn', 'receptionCitizens', 'receptionVoiced', 'receptionResolved', 'receptionInExecution',
] as const;
/** Columns that only an akim's meeting fills. */
export const AKIM_ONLY_COLUMNS = ['level', 'unit'] as const;

export type ColumnKey = (typeof IMPORT_COLUMNS)[number]['key'];

export const normalizeHeader = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');

const HEADER_INDEX = new Map<string, ColumnKey>();
for (const c of IMPORT_COLUMNS) {
  for (const name of [c.key, c.ru, c.kk]) HEADER_INDEX.set(normalizeHeader(name), c.key);
}

/** The column each header names, or null for a column the importer does not know (ignored). */
export const columnOfHeader = (header: string): ColumnKey | null => HEADER_INDEX.get(normalizeHeader(header)) ?? null;
