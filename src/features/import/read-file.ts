import { type TextEncoding, assertRowCount, csvFile } from './csv';
import { MAX_ROWS, pause, tooManyRows } from './limits';
import { type SheetRow, readHeader } from './parse-rows';
import { type Cell, isBlank } from './values';
import { type RawRow, looksLikeXlsx, xlsxRows } from './xlsx';

export type SheetFormat = { kind: 'xlsx' } | { kind: 'csv'; encoding: TextEncoding; delimiter: ';' | ',' };

/**
 * A spreadsheet's rows, whatever Excel or LibreOffice saved: XLSX, or CSV in UTF-8 or Windows-1251.
 * Read as a stream, keeping only the template's columns (the header's first one of each); reading
 * stops at the header when a required column is missing (the parser then names it), and past
 * MAX_ROWS data rows (tooManyRows), or at the reader's own caps (see limits.ts).
 */
export async function readSpreadsheet(bytes: Uint8Array): Promise<{ format: SheetFormat; rows: SheetRow[] }> {
  if (looksLikeXlsx(bytes)) return { format: { kind: 'xlsx' }, rows: await templateRows(xlsxRows(bytes)) };
  const csv = csvFile(bytes);
  // More lines than rows allowed: count the records first with a byte scan that keeps nothing, so a long
  // file is refused without parsing and holding 100 000 rows (lines overcount records only when quoted
  // cells break lines or rows are blank).
  if ((await countLines(bytes)) > MAX_ROWS + 1) await assertRowCount(bytes, csv.delimiter);
  return { format: { kind: 'csv', encoding: csv.encoding, delimiter: csv.delimiter }, rows: await templateRows(csv.rows) };
}

/** Line feeds in the file, a megabyte at a time. */
async function countLines(bytes: Uint8Array): Promise<number> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lines = 1;
  for (let at = buffer.indexOf(0x0a); at >= 0; at = buffer.indexOf(0x0a, at + 1)) {
    lines += 1;
    if (lines % 100_000 === 0) await pause();
  }
  return lines;
}

async function templateRows(source: AsyncGenerator<RawRow>): Promise<SheetRow[]> {
  const rows: SheetRow[] = [];
  let kept: number[] | null = null;
  let data = 0;
  try {
    for await (const { line, cells } of source) {
      if (!kept) {
        if (cells.every((c) => isBlank(c))) continue;
        const header = readHeader(cells, line);
        // A header without a required column: that is all the parser needs to name it.
        if (header.errors.length > 0) return [{ line, cells }];
        kept = [...header.position.values()].sort((a, b) => a - b);
        rows.push({ line, cells: kept.map((p) => cells[p]) });
        continue;
      }
      // Blank rows count toward the cap: a sheet of a million empty rows is a million rows to read.
      data += 1;
      if (data > MAX_ROWS) throw tooManyRows(line);
      if (cells.every((c) => isBlank(c))) continue;
      rows.push({ line, cells: kept.map((p): Cell => cells[p]) });
      await pause();
    }
  } finally {
    await source.return(undefined);
  }
  return rows;
}
