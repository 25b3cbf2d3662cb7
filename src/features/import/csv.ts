import { parse } from 'csv-parse/sync';

// CSV as spreadsheets write it: `;` in ru/kk locales (the comma is the decimal mark), `,`
// elsewhere. The delimiter is the one of the two found more often outside quotes in the header.

export function detectDelimiter(text: string): ';' | ',' {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ';') semicolons += 1;
    else if (!quoted && ch === ',') commas += 1;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

export function parseCsv(text: string): { delimiter: ';' | ','; rows: string[][] } {
  const delimiter = detectDelimiter(text);
  const rows = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    bom: true,
  }) as string[][];
  return { delimiter, rows };
}
