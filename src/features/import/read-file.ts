import { parseCsv } from './csv';
import { decodeText, type TextEncoding } from './decode';
import { looksLikeXlsx, readXlsx } from './xlsx';
import type { Cell } from './values';

export type SheetFormat = { kind: 'xlsx' } | { kind: 'csv'; encoding: TextEncoding; delimiter: ';' | ',' };

/** A spreadsheet's cells, whatever Excel or LibreOffice saved: XLSX, or CSV in UTF-8 or Windows-1251. */
export async function readSpreadsheet(bytes: Uint8Array): Promise<{ format: SheetFormat; rows: Cell[][] }> {
  if (looksLikeXlsx(bytes)) return { format: { kind: 'xlsx' }, rows: await readXlsx(bytes) };
  const { text, encoding } = decodeText(bytes);
  const { delimiter, rows } = parseCsv(text);
  return { format: { kind: 'csv', encoding, delimiter }, rows };
}
