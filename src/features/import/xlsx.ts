import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import unzipper from 'unzipper';
import { MAX_COLUMNS, MAX_UNPACKED_BYTES, pause, tooManyColumns, unpackedTooLarge, unreadable } from './limits';
import type { Cell } from './values';

// The first worksheet of an XLSX file, streamed a row at a time with ExcelJS's WorkbookReader:
// formulas give their cached result, rich text its plain text, hyperlinks their text. Dates
// come as the serial numbers the sheet stores (styles are not read); parseDay reads those.
//
// The zip is walked twice from the bytes in memory, both times through unzipper as ExcelJS
// does: first every part is unpacked and counted (and the relations, workbook and shared
// strings kept), stopping past MAX_UNPACKED_BYTES; then only the first worksheet is unpacked
// and read. So no part is parked in a temporary file, and a packed sheet costs at most the cap.
// The reader's parts (_parseRels, _parseWorkbook, _parseSharedStrings, _parseWorksheet) are
// ExcelJS 4.4.0's own, pinned in package.json.

export type RawRow = { line: number; cells: Cell[] };

type ZipEntry = Readable & { path: string; autodrain(): unknown };
type SheetRow = { number: number; cellCount: number; findCell(col: number): { value: ExcelJS.CellValue } | undefined };
type Reader = {
  model?: { sheets?: Array<{ id: number; name: string; rId: string }> };
  workbookRels?: Array<{ Id: string; Target: string }>;
  _parseRels(stream: Readable): Promise<void>;
  _parseWorkbook(stream: Readable): Promise<void>;
  _parseSharedStrings(stream: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<{ value: AsyncIterable<SheetRow> }>;
};

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

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The zip's entries in file order, as ExcelJS's reader sees them. */
function entries(bytes: Uint8Array): { source: Readable; entries: AsyncIterable<ZipEntry> } {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const source = Readable.from((function* slices() {
    for (let at = 0; at < buffer.length; at += 64 * 1024) yield buffer.subarray(at, at + 64 * 1024);
  })());
  return { source, entries: source.pipe(unzipper.Parse({ forceStream: true })) as unknown as AsyncIterable<ZipEntry> };
}

/** The entry's unpacked bytes, counted against the cap shared by all of them. */
async function* counted(entry: AsyncIterable<Buffer>, budget: { left: number }): AsyncGenerator<Buffer> {
  for await (const chunk of entry) {
    budget.left -= chunk.length;
    if (budget.left < 0) throw unpackedTooLarge();
    yield chunk;
    await pause();
  }
}

/** First pass: counts every part, reads the workbook's relations, sheet list and shared strings; answers the first sheet's number. */
async function readWorkbookParts(bytes: Uint8Array, reader: Reader): Promise<string> {
  const budget = { left: MAX_UNPACKED_BYTES };
  const zip = entries(bytes);
  const sheets: string[] = [];
  try {
    for await (const entry of zip.entries) {
      const stream = () => Readable.from(counted(entry, budget));
      if (entry.path === 'xl/_rels/workbook.xml.rels') await reader._parseRels(stream());
      else if (entry.path === 'xl/workbook.xml') await reader._parseWorkbook(stream());
      else if (entry.path === 'xl/sharedStrings.xml') for await (const _ of reader._parseSharedStrings(stream()));
      else {
        const sheet = SHEET.exec(entry.path);
        if (sheet) sheets.push(sheet[1]!);
        for await (const _ of counted(entry, budget));
      }
    }
  } finally {
    zip.source.destroy();
  }
  // The first tab of the workbook, else the first sheet part.
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  const numbered = target && /sheet(\d+)\.xml$/.exec(target)?.[1];
  const sheetNo = numbered && sheets.includes(numbered) ? numbered : sheets.sort((a, b) => Number(a) - Number(b))[0];
  if (!sheetNo) throw unreadable();
  return sheetNo;
}

/**
 * The first worksheet's rows that hold anything, each with its row number and its first MAX_COLUMNS
 * cells. A value further right stops the reading (tooManyColumns); so does a workbook that unpacks
 * to more than MAX_UNPACKED_BYTES (unpackedTooLarge). A file that is no workbook is `unreadable`.
 */
export async function* xlsxRows(bytes: Uint8Array): AsyncGenerator<RawRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore',
  }) as unknown as Reader;
  let sheetNo: string;
  try {
    sheetNo = await readWorkbookParts(bytes, reader);
  } catch (error) {
    throw error instanceof Error && error.name === 'ImportLimitError' ? error : unreadable();
  }
  const zip = entries(bytes);
  try {
    for await (const entry of zip.entries) {
      if (entry.path !== `xl/worksheets/sheet${sheetNo}.xml`) {
        entry.autodrain();
        continue;
      }
      // The first pass counted this part already; the budget only guards against a zip that reads differently twice.
      const [emitted] = reader._parseWorksheet(counted(entry, { left: MAX_UNPACKED_BYTES }), sheetNo);
      for await (const row of emitted!.value) {
        if (row.cellCount > MAX_COLUMNS) {
          for (let c = MAX_COLUMNS + 1; c <= row.cellCount; c += 1) {
            const value = plain(row.findCell(c)?.value);
            if (value !== null && value !== '') throw tooManyColumns(row.number);
          }
        }
        const cells: Cell[] = [];
        for (let c = 1; c <= Math.min(row.cellCount, MAX_COLUMNS); c += 1) cells.push(plain(row.findCell(c)?.value));
        yield { line: row.number, cells };
      }
      return;
    }
  } catch (error) {
    throw error instanceof Error && error.name === 'ImportLimitError' ? error : unreadable();
  } finally {
    zip.source.destroy();
  }
}

/** XLSX files are zip archives: they start with "PK". */
export const looksLikeXlsx = (bytes: Uint8Array) => bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
