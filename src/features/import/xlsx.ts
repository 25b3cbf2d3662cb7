import ExcelJS from 'exceljs';
import type { Cell } from './values';

// The first worksheet of an XLSX file as rows of plain cell values. Formulas give their
// cached result, rich text its plain text, hyperlinks their text.

function plain(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return plain(value.result as ExcelJS.CellValue);
    if ('text' in value) return plain(value.text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

export async function readXlsx(bytes: Uint8Array): Promise<Cell[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const values: Cell[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) values.push(plain(row.getCell(c).value));
    rows[number - 1] = values;
  });
  return Array.from(rows, (r) => r ?? []);
}

/** XLSX files are zip archives: they start with "PK". */
export const looksLikeXlsx = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
