import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { isUtf8 } from 'node:buffer';
import { MAX_COLUMNS, MAX_RECORD_CHARS, MAX_ROWS, pause, tooManyColumns, tooManyRows, unreadable } from './limits';
import type { RawRow } from './xlsx';

// CSV as spreadsheets write it: `;` in ru/kk locales (the comma is the decimal mark), `,`
// elsewhere. The delimiter is the one of the two found more often outside quotes in the header.
// The file is decoded and parsed a slice at a time with csv-parse's streaming parser, so a long
// file neither holds the event loop nor is parsed past the first cap it passes.

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

/** What Excel and LibreOffice save as "CSV" in ru/kk locales: UTF-8 with or without a BOM, or Windows-1251. */
export type TextEncoding = 'utf-8' | 'windows-1251';

/** Text handed to the parser at a time: csv-parse parses each slice in one go, a few milliseconds' work. */
const SLICE_BYTES = 16 * 1024;
/** The start of the file, where a NUL byte marks a file that is no text. */
const HEAD_BYTES = 64 * 1024;

/** The file's text a slice at a time: UTF-8 (with or without a BOM), else Windows-1251. */
function* textSlices(bytes: Uint8Array, encoding: TextEncoding): Generator<string> {
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(hasBom ? 3 : 0);
  const decoder = encoding === 'utf-8' ? new TextDecoder('utf-8') : iconv.getDecoder('win1251');
  for (let at = 0; at < body.length; at += SLICE_BYTES) {
    const slice = body.subarray(at, at + SLICE_BYTES);
    yield decoder instanceof TextDecoder ? decoder.decode(slice, { stream: true }) : decoder.write(slice);
  }
  const rest = decoder instanceof TextDecoder ? decoder.decode() : decoder.end();
  if (rest) yield rest;
}

export type CsvFile = { encoding: TextEncoding; delimiter: ';' | ','; rows: AsyncGenerator<RawRow> };

/**
 * A CSV's records, each numbered from 1 in file order (empty lines skipped, as before), with its
 * first MAX_COLUMNS fields. A value further right stops the reading (tooManyColumns); a record
 * longer than MAX_RECORD_CHARS, or a file with NUL bytes (no spreadsheet saves those in a CSV), is `unreadable`.
 */
export function csvFile(bytes: Uint8Array): CsvFile {
  if (bytes.subarray(0, HEAD_BYTES).includes(0)) throw unreadable();
  // Bytes that are not valid UTF-8 are Windows-1251 ("CSV (разделители — запятые)" on a Russian Windows).
  const encoding: TextEncoding = isUtf8(bytes) ? 'utf-8' : 'windows-1251';
  const first = textSlices(bytes.subarray(0, SLICE_BYTES + 3), encoding).next().value ?? '';
  const delimiter = detectDelimiter(first);
  async function* rows(): AsyncGenerator<RawRow> {
    const parser = Readable.from(textSlices(bytes, encoding)).pipe(parse({
      delimiter, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, max_record_size: MAX_RECORD_CHARS,
    }));
    let line = 0;
    try {
      for await (const record of parser as AsyncIterable<string[]>) {
        line += 1;
        for (let c = MAX_COLUMNS; c < record.length; c += 1) if (record[c]!.trim() !== '') throw tooManyColumns(line);
        yield { line, cells: record.length > MAX_COLUMNS ? record.slice(0, MAX_COLUMNS) : record };
        await pause();
      }
    } catch (error) {
      throw error instanceof Error && error.name === 'ImportLimitError' ? error : unreadable();
    } finally {
      parser.destroy();
    }
  }
  return { encoding, delimiter, rows: rows() };
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * Counts the records after the header, blank ones included, as the parser would number them, with a
 * byte scan that keeps nothing, and throws tooManyRows at the first one past MAX_ROWS: a long file
 * is refused without parsing 100 000 rows. Quotes, delimiters and line breaks are ASCII in UTF-8 and
 * Windows-1251 alike.
 */
export async function assertRowCount(bytes: Uint8Array, delimiter: ';' | ','): Promise<void> {
  const d = delimiter.charCodeAt(0);
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  let quoted = false;
  let fieldStart = true;
  let empty = true; // no character at all: an empty line, which the parser skips
  let blank = true; // nothing but delimiters and spaces: a blank row
  let record = 0;
  let header = false;
  let data = 0;
  const endRecord = () => {
    if (!empty) {
      record += 1;
      // Blank rows after the header count too: 150 000 lines of ';' are still 150 000 rows to read.
      if (header) {
        if ((data += 1) > MAX_ROWS) throw tooManyRows(record);
      } else if (!blank) header = true;
    }
    quoted = false;
    fieldStart = true;
    empty = true;
    blank = true;
  };
  for (let i = hasBom ? 3 : 0; i < bytes.length; i += 1) {
    if ((i & 0xfffff) === 0) await pause();
    const c = bytes[i]!;
    if (quoted) {
      if (c === QUOTE) {
        if (bytes[i + 1] === QUOTE) i += 1;
        else quoted = false;
      }
      if (c !== SPACE && c !== TAB && c !== QUOTE) blank = false;
      empty = false;
      continue;
    }
    if (c === LF) {
      endRecord();
      continue;
    }
    if (c === CR) continue;
    empty = false;
    if (c === QUOTE && fieldStart) {
      quoted = true;
      fieldStart = false;
    } else if (c === d) {
      fieldStart = true;
    } else {
      fieldStart = false;
      if (c !== SPACE && c !== TAB) blank = false;
    }
  }
  endRecord();
}
