// Files built to exhaust an importer (issue 14), shared by the import-limits tests and
// `npm run bench:uploads`: a workbook of rows with one cell in column XFD, a packed sheet that
// unpacks about a thousandfold, a CSV of 150 000 lines, random bytes.
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import JSZip from 'jszip';
import { IMPORT_COLUMNS } from '@/features/import/columns';

export const HEADER = IMPORT_COLUMNS.map((c) => c.ru);

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
export const xlsxCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${xml(text)}</t></is></c>`;
export const columnName = (i: number) => (i < 26 ? String.fromCharCode(65 + i) : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26)));
/** The template's header as a sheet's first row. */
export const headerRow = `<row r="1">${HEADER.map((h, i) => xlsxCell(`${columnName(i)}1`, h)).join('')}</row>`;
export const sheetXml = (rows: string) => `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`;

/** A minimal workbook whose one sheet's XML is `sheet` (a string, or a stream for a large one), packed by jszip. */
export async function workbook(sheet: string | Readable): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>');
  zip.file('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Вопросы" sheetId="1" r:id="rId1"/></sheets></workbook>');
  zip.file('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>');
  zip.file('xl/worksheets/sheet1.xml', sheet);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 }, streamFiles: true });
}

/** `rows` data rows, each with a value in column A and one in column XFD (16 384): a few KB. */
export const wideWorkbook = (firstCell: string, rows = 300) =>
  workbook(sheetXml(headerRow + Array.from({ length: rows }, (_, i) => `<row r="${i + 2}">${xlsxCell(`A${i + 2}`, firstCell)}${xlsxCell(`XFD${i + 2}`, 'x')}</row>`).join('')));

/** A sheet whose one cell holds `megabytes` MB of one letter: about 1 KB of zip per MB unpacked. */
export function packedWorkbook(megabytes = 250): Promise<Buffer> {
  const mb = 'A'.repeat(1024 * 1024);
  async function* sheet() {
    yield `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${headerRow}<row r="2"><c r="A2" t="inlineStr"><is><t>`;
    for (let i = 0; i < megabytes; i += 1) yield mb;
    yield '</t></is></c></row></sheetData></worksheet>';
  }
  return workbook(Readable.from(sheet()));
}

/** The template's header and `lines` rows from `row`, as a UTF-8 CSV with ";". */
export function longCsv(row: (i: number) => string[], lines = 150_000): Buffer {
  const out = [HEADER.join(';')];
  for (let i = 0; i < lines; i += 1) out.push(row(i).join(';'));
  return Buffer.from(out.join('\r\n'), 'utf8');
}

/** Random bytes, never starting with a zip's "PK". */
export function noise(bytes = 10 * 1024 * 1024): Buffer {
  const out = randomBytes(bytes);
  out[0] = 0x00;
  return out;
}
