// Reading what Excel and LibreOffice save in ru/kk locales: encodings, delimiters, numbers,
// dates, regions and codes by name, and each bad cell named by row and column.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { IMPORT_COLUMNS } from '@/features/import/columns';
import { assertRowCount, csvFile, detectDelimiter } from '@/features/import/csv';
import { type Lookups, parseSheet } from '@/features/import/parse-rows';
import { readSpreadsheet } from '@/features/import/read-file';
import { normalizeName, parseAmount, parseDay } from '@/features/import/values';

const HEADER = IMPORT_COLUMNS.map((c) => c.ru);
const ROW = ['150000000', 'A-1', '15.03.2024', 'Областной уровень', '', 'Дом культуры', '120', '1', 'Реконструкция дорог',
  'Ремонт дороги', 'REGION', 'Решён', '20.03.2024', '', '1 500 000', '1 200 000,00'];

const labels = (entries: Record<string, string>) => new Map(Object.entries(entries).map(([code, label]) => [normalizeName(label), code]));
const lookups: Lookups = {
  region: (t) => ({ '150000000': 1, 'актюбинская область': 1, 'ақтөбе облысы': 1 } as Record<string, number>)[normalizeName(t)],
  unit: (t) => (t === '151000000' ? 7 : undefined),
  category: (t) => (['roads', 'реконструкция дорог'].includes(normalizeName(t)) ? { id: 3, code: 'ROADS' } : undefined),
  body: (t) => (['minedu', 'министерство просвещения'].includes(normalizeName(t)) ? 9 : undefined),
  official: (bodyId, t) => (bodyId !== 9 ? undefined : normalizeName(t) === 'министр' || normalizeName(t) === 'иванов и. и.' ? 41 : normalizeName(t) === 'вице-министр' ? 'ambiguous' : undefined),
  labels: {
    level: labels({ REGION: 'Областной уровень', DISTRICT: 'Районный уровень', RURAL: 'Сельский уровень' }) as Lookups['labels']['level'],
    venue: labels({ HOUSE_OF_CULTURE: 'Дом культуры', ONLINE: 'Онлайн' }) as Lookups['labels']['venue'],
    responsible: labels({ REGION: 'Область (город республиканского значения)' }) as Lookups['labels']['responsible'],
    status: labels({ RAISED: 'Поднят', RESOLVED: 'Решён', IN_EXECUTION: 'На исполнении' }) as Lookups['labels']['status'],
    channel: labels({ BODY_WEBSITE: 'Сайт госоргана', LOCAL_MEDIA: 'Местные СМИ' }) as Lookups['labels']['channel'],
  },
};

const csv = (rows: string[][], delimiter = ';') => rows.map((r) => r.map((c) => (c.includes(delimiter) || c.includes('"') ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter)).join('\r\n');

describe('decoding', () => {
  const records = async (bytes: Uint8Array) => {
    const file = csvFile(bytes);
    const rows: unknown[][] = [];
    for await (const row of file.rows) rows.push(row.cells);
    return { encoding: file.encoding, rows };
  };

  it('reads UTF-8 with and without a BOM, and Windows-1251', async () => {
    const text = 'Регион;Номер встречи\r\nАқтөбе облысы;1';
    const rows = [['Регион', 'Номер встречи'], ['Ақтөбе облысы', '1']];
    expect(await records(Buffer.from(`\ufeff${text}`, 'utf8'))).toEqual({ rows, encoding: 'utf-8' });
    expect(await records(Buffer.from(text, 'utf8'))).toEqual({ rows, encoding: 'utf-8' });
    const russian = 'Регион;Дата встречи\r\nАктюбинская область;15.03.2024';
    expect(await records(iconv.encode(russian, 'win1251'))).toEqual({ rows: [['Регион', 'Дата встречи'], ['Актюбинская область', '15.03.2024']], encoding: 'windows-1251' });
  });

  it('counts a long CSV’s rows as the parser numbers them, blank ones too, and stops past 100 000 rows', async () => {
    // The header (record 1), a blank row (2, row 1), a quoted cell across two lines (3, row 2), an empty line (skipped).
    const head = 'Регион;Номер\r\n;;\r\n"две\r\nстроки";1\r\n\r\n';
    await expect(assertRowCount(Buffer.from(head + 'x;1\r\n'.repeat(99_998), 'utf8'), ';')).resolves.toBeUndefined();
    const error = await assertRowCount(Buffer.from(head + 'x;1\r\n'.repeat(99_999), 'utf8'), ';').catch((e: unknown) => e);
    expect(error).toMatchObject({ key: 'tooManyRows', status: 413, line: 100_002 });
    expect((await records(Buffer.from(head, 'utf8'))).rows).toEqual([['Регион', 'Номер'], ['', '', ''], ['две\r\nстроки', '1']]);
  });

  it('takes ";" or "," as the delimiter, whichever the header uses', () => {
    expect(detectDelimiter('Регион;Сумма\r\n1;"1,5"')).toBe(';');
    expect(detectDelimiter('Регион,Сумма\r\n1,2')).toBe(',');
    expect(detectDelimiter('"a;b",c,d')).toBe(',');
  });
});

describe('cell values', () => {
  it('reads amounts with space and no-break space thousands and a decimal comma', () => {
    expect(parseAmount('1 500 000')).toBe(1_500_000);
    expect(parseAmount('1\u00a0500\u00a0000,00')).toBe(1_500_000);
    expect(parseAmount('1\u202f500')).toBe(1500);
    expect(parseAmount('2500.0')).toBe(2500);
    expect(parseAmount(42)).toBe(42);
    expect(parseAmount('')).toBeUndefined();
    expect(parseAmount('1 500,50')).toBeNull(); // tenge are whole
    expect(parseAmount('-5')).toBeNull();
    expect(parseAmount('1,500,000')).toBeNull();
    expect(parseAmount('abc')).toBeNull();
  });

  it('reads dates as dd.mm.yyyy, ISO and spreadsheet dates, and refuses impossible ones', () => {
    expect(parseDay('15.03.2024')).toBe('2024-03-15');
    expect(parseDay('5.3.2024')).toBe('2024-03-05');
    expect(parseDay('15/03/2024')).toBe('2024-03-15');
    expect(parseDay('2024-03-15')).toBe('2024-03-15');
    expect(parseDay(new Date(Date.UTC(2024, 2, 15)))).toBe('2024-03-15');
    expect(parseDay(45366)).toBe('2024-03-15');
    expect(parseDay(45366.75)).toBe('2024-03-15'); // a date and time cell, as the streaming reader gives it
    expect(parseDay('31.02.2024')).toBeNull();
    expect(parseDay('03/15/2024')).toBeNull();
    expect(parseDay('')).toBeUndefined();
  });
});

describe('parseSheet', () => {
  it('reads a row with labels, a region by name and amounts as typed', () => {
    const { rows, errors, total } = parseSheet([HEADER, ROW], lookups);
    expect(errors).toEqual([]);
    expect(total).toBe(1);
    expect(rows[0]).toMatchObject({
      line: 2, regionId: 1, externalRef: 'A-1', heldOn: '2024-03-15', level: 'REGION', unitId: null, venue: 'HOUSE_OF_CULTURE',
      attendance: 120, issueNumber: 1, categoryId: 3, responsible: 'REGION', status: 'RESOLVED', statusOn: '2024-03-20',
      needKzt: 1_500_000, allocatedKzt: 1_200_000,
    });
  });

  it('finds regions by KATO code, Russian or Kazakh name, and codes in any case', () => {
    for (const region of ['150000000', 'Актюбинская область', 'Ақтөбе облысы', ' АКТЮБИНСКАЯ  ОБЛАСТЬ ']) {
      const row = [...ROW];
      row[0] = region;
      row[3] = 'region';
      row[11] = 'in_execution';
      const { rows, errors } = parseSheet([HEADER, row], lookups);
      expect(errors, region).toEqual([]);
      expect(rows[0]).toMatchObject({ regionId: 1, level: 'REGION', status: 'IN_EXECUTION' });
    }
  });

  it('names the row and column of every bad cell', () => {
    const bad = [...ROW];
    bad[0] = 'Нарния';
    bad[2] = '31.02.2024';
    bad[14] = '1 500,50';
    bad[8] = 'Космос';
    const { rows, errors } = parseSheet([HEADER, ROW, bad], lookups);
    expect(rows).toHaveLength(1);
    expect(errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [3, 'Регион', 'unknownRegion'],
      [3, 'Дата встречи', 'badDate'],
      [3, 'Категория', 'unknownCategory'],
      [3, 'Потребность из МБ, тенге', 'badAmount'],
    ]);
  });

  it('checks each row with the write forms’ schemas: no future meeting, whole tenge under the ceiling', () => {
    const future = [...ROW];
    future[2] = '01.01.2099';
    future[12] = '';
    const huge = [...ROW];
    huge[14] = '20 000 000 000 000';
    const { errors } = parseSheet([HEADER, future, huge], lookups);
    expect(errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [2, 'Дата встречи', 'entry.validation.dateInFuture'],
      [2, 'Дата статуса', 'entry.validation.dateInFuture'], // the meeting's date when left empty
      [3, 'Потребность из МБ, тенге', 'entry.validation.amount'],
    ]);
  });

  it('refuses a missing column, a repeated issue, a status before the meeting and a meeting that disagrees with itself', () => {
    expect(parseSheet([HEADER.slice(1), ROW.slice(1)], lookups).errors[0]).toMatchObject({ key: 'missingColumn', column: 'Регион' });
    const early = [...ROW];
    early[12] = '01.03.2024';
    const other = [...ROW];
    other[7] = '2';
    other[2] = '16.03.2024';
    const { errors } = parseSheet([HEADER, ROW, ROW, early, other], lookups);
    expect(errors.map((e) => [e.row, e.key])).toEqual([[3, 'duplicateRow'], [4, 'entry.validation.beforeRaised'], [5, 'meetingMismatch']]);
  });

  it('repeats a merged meeting cell from the row above: all of them when the meeting number is empty, the region alone otherwise', () => {
    const second = [...ROW];
    second[7] = '2';
    for (const i of [0, 1, 2, 3, 5, 6]) second[i] = '';
    const third = [...ROW];
    third[0] = '';
    third[1] = 'A-2';
    third[6] = '';
    const { rows, errors } = parseSheet([HEADER, ROW, second, third], lookups);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.line, r.regionId, r.externalRef, r.issueNumber, r.heldOn, r.level, r.venue, r.attendance])).toEqual([
      [2, 1, 'A-1', 1, '2024-03-15', 'REGION', 'HOUSE_OF_CULTURE', 120],
      [3, 1, 'A-1', 2, '2024-03-15', 'REGION', 'HOUSE_OF_CULTURE', 120],
      [4, 1, 'A-2', 1, '2024-03-15', 'REGION', 'HOUSE_OF_CULTURE', null], // a new meeting's attendance is its own
    ]);
    // An empty issue cell is not merged: it stays empty.
    const noStatus = [...second];
    noStatus[11] = '';
    expect(parseSheet([HEADER, ROW, noStatus], lookups).errors.map((e) => [e.row, e.column, e.key])).toEqual([[3, 'Статус', 'required']]);
  });

  it('reads an XLSX and a Windows-1251 CSV with ";" to the same rows', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Вопросы');
    sheet.addRow(HEADER);
    const typed: Array<string | number | Date> = [...ROW];
    typed[2] = new Date(Date.UTC(2024, 2, 15));
    typed[14] = 1_500_000;
    sheet.addRow(typed);
    const xlsx = await readSpreadsheet(new Uint8Array(await workbook.xlsx.writeBuffer()));
    const cp1251 = await readSpreadsheet(iconv.encode(csv([HEADER, ROW]), 'win1251'));
    expect(cp1251.format).toEqual({ kind: 'csv', encoding: 'windows-1251', delimiter: ';' });
    const comma = await readSpreadsheet(Buffer.from(`\ufeff${csv([HEADER, ROW], ',')}`, 'utf8'));
    expect(comma.format).toEqual({ kind: 'csv', encoding: 'utf-8', delimiter: ',' });
    const a = parseSheet(xlsx.rows, lookups);
    const b = parseSheet(cp1251.rows, lookups);
    const c = parseSheet(comma.rows, lookups);
    expect(a.errors).toEqual([]);
    expect(a.rows).toEqual(b.rows);
    expect(c.rows).toEqual(b.rows);
  });

  // A central official's meeting: the body's code, who held it, the decree checklist and one reception.
  const col = (key: string) => IMPORT_COLUMNS.findIndex((c) => c.key === key);
  const central = (values: Record<string, string>) => {
    const row = [...ROW, ...Array<string>(HEADER.length - ROW.length).fill('')];
    row[col('level')] = '';
    for (const [key, value] of Object.entries({ body: 'MINEDU', official: 'Министр', ...values })) row[col(key)] = value;
    return row;
  };

  it('reads a central official’s meeting with its checklist, announcement and reception', () => {
    const { rows, errors } = parseSheet([HEADER, central({
      announcedOn: '10.03.2024', announcementChannels: 'Сайт госоргана; LOCAL_MEDIA', questionsCollected: 'да', briefingHeld: '1',
      ngoMeetingHeld: 'нет', actionPlanPrepared: 'иә', receptionCitizens: '12', receptionVoiced: '8', receptionResolved: '3', receptionInExecution: '2',
    })], lookups);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      kind: 'CENTRAL', centralBodyId: 9, officialId: 41, level: null, unitId: null, announcedOn: '2024-03-10',
      announcementChannels: ['BODY_WEBSITE', 'LOCAL_MEDIA'], questionsCollected: true, briefingHeld: true, ngoMeetingHeld: false,
      actionPlanPrepared: true, problemSiteVisited: false,
      reception: { heldOn: '2024-03-15', citizensReceived: 12, issuesVoiced: 8, issuesResolved: 3, issuesInExecution: 2 },
    });
    // Without the body column a file is all akim meetings, as before.
    expect(parseSheet([HEADER.slice(0, ROW.length), ROW], lookups).rows[0]).toMatchObject({ kind: 'AKIM', centralBodyId: null, reception: null });
  });

  it('names each bad central cell by its column, and a file of central meetings needs no akim level column', () => {
    const { errors } = parseSheet([HEADER, central({
      body: 'Минздрав', receptionVoiced: '1', receptionResolved: '3',
    }), central({ official: 'Вице-министр', briefingHeld: 'может быть' }), central({ receptionCitizens: '5', receptionVoiced: '1', receptionResolved: '3', receptionInExecution: '0', announcedOn: '20.03.2024' }),
    central({ level: 'REGION', unit: '151000000' }), [...ROW, ...Array<string>(HEADER.length - ROW.length).fill('')].map((v, i) => (i === col('briefingHeld') ? 'да' : v))], lookups);
    expect(errors.map((e) => [e.row, e.column, e.key])).toEqual([
      [2, 'Код госоргана', 'unknownBody'],
      [3, 'Должностное лицо', 'ambiguousOfficial'],
      [3, 'Проведён брифинг', 'badFlag'],
      [4, 'Из них решено', 'entry.validation.receptionCounts'],
      [4, 'Дата анонсирования', 'entry.validation.announcedAfterHeld'],
      [5, 'Уровень акима', 'akimOnly'],
      [5, 'Код района или сельского округа', 'akimOnly'],
      [6, 'Проведён брифинг', 'centralOnly'],
    ].sort((a, b) => (a[0] as number) - (b[0] as number)));
    const noLevel = HEADER.filter((h) => h !== 'Уровень акима');
    const row = central({}).filter((_, i) => i !== col('level'));
    expect(parseSheet([noLevel, row], lookups).errors).toEqual([]);
    expect(parseSheet([HEADER, central({ official: '' })], lookups).errors.map((e) => e.key)).toEqual(['required']);
  });

  it('refuses rows of one central meeting that disagree on its checklist or reception', () => {
    const second = central({ briefingHeld: 'да' });
    second[col('issueNumber')] = '2';
    const { errors } = parseSheet([HEADER, central({}), second], lookups);
    expect(errors.map((e) => [e.row, e.column, e.key])).toEqual([[3, 'Проведён брифинг', 'meetingMismatch']]);
  });
});
