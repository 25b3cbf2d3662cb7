import 'server-only';
import ExcelJS from 'exceljs';
import ruCore from '@/i18n/messages/ru.json';
import ruRecords from '@/i18n/messages/ru/records.json';
import { db } from '@/server/db/client';
import { IMPORT_COLUMNS } from './columns';

// The downloadable template: the Russian headers, and in the XLSX a second sheet listing what
// each coded column accepts (the code or its Russian label).

export function templateCsv(): Buffer {
  // A BOM and ";" so Excel in a Russian locale opens it in columns, in the right encoding.
  return Buffer.from(`\ufeff${IMPORT_COLUMNS.map((c) => c.ru).join(';')}\r\n`, 'utf8');
}

export async function templateXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Вопросы');
  sheet.columns = IMPORT_COLUMNS.map((c) => ({ header: c.ru, key: c.key, width: Math.max(14, c.ru.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const key of ['heldOn', 'statusOn', 'announcedOn', 'receptionOn'] as const) sheet.getColumn(key).numFmt = 'dd.mm.yyyy';
  for (const key of ['needKzt', 'allocatedKzt'] as const) sheet.getColumn(key).numFmt = '# ##0';

  const lists = workbook.addWorksheet('Справочник');
  lists.columns = [{ header: 'Столбец', width: 28 }, { header: 'Код', width: 34 }, { header: 'Название', width: 60 }];
  lists.getRow(1).font = { bold: true };
  const add = (column: string, entries: Record<string, string>) => {
    for (const [code, label] of Object.entries(entries)) lists.addRow([column, code, label]);
  };
  const categories = await db().issueCategory.findMany({ where: { active: true }, orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }] });
  add('Уровень акима', ruCore.codes.akimLevel);
  add('Место проведения', ruCore.codes.venue);
  add('Категория', Object.fromEntries(categories.map((c) => [c.code, c.nameRu])));
  add('Уровень решения', ruRecords.records.responsibleLevel);
  add('Статус', ruCore.codes.issueStatus);
  const regions = await db().region.findMany({ orderBy: { kato: 'asc' } });
  add('Регион', Object.fromEntries(regions.map((r) => [r.kato, r.nameRu])));
  // Central officials' meetings: the bodies, who may be named (full name, or a position the body has one of), the channels and yes/no.
  const bodies = await db().centralBody.findMany({
    orderBy: { code: 'asc' },
    include: { officials: { where: { active: true, position: { in: ['MINISTER', 'VICE_MINISTER', 'COMMITTEE_CHAIR'] } }, orderBy: [{ position: 'asc' }, { fullName: 'asc' }] } },
  });
  add('Код госоргана', Object.fromEntries(bodies.map((b) => [b.code, b.nameRu])));
  for (const b of bodies) {
    for (const o of b.officials) lists.addRow(['Должностное лицо', b.code, `${o.fullName} — ${ruCore.codes.position[o.position]}`]);
  }
  add('Где анонсирована', ruRecords.records.announcementChannel);
  add('Требования Указа (да/нет)', { да: 'выполнено', нет: 'не выполнено (или пусто)' });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
