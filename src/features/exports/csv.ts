// CSV as Excel reads it: UTF-8 with a byte-order mark (so Cyrillic shows), `;` or `,` between
// cells, CRLF between rows. A text cell that a spreadsheet would run as a formula is made inert.

export const BOM = '\ufeff';
export type Delimiter = ';' | ',';
export type CsvCell = string | number | null | undefined;

/** Characters that make Excel, LibreOffice or Sheets read a cell as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell starting with = + - @ TAB or CR gets a leading apostrophe, so it is shown, never run. */
export const neutralise = (text: string) => (FORMULA_START.test(text) ? `'${text}` : text);

export function csvCell(value: CsvCell, delimiter: Delimiter): string {
  if (value === null || value === undefined) return '';
  // Numbers are written as numbers: a negative amount is data, not a formula.
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvLine = (cells: CsvCell[], delimiter: Delimiter) => `${cells.map((c) => csvCell(c, delimiter)).join(delimiter)}\r\n`;
