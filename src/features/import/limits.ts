import type { ImportErrorKey } from './error-keys';

// The import's caps, each checked while the file is read, so reading stops as soon as one is
// passed: a crafted file (a cell in column XFD, a sheet that inflates a hundredfold, a CSV of
// millions of lines) costs no more than an honest file at the cap. The README lists the same caps.

/** The uploaded file: 20 MB, the one limit the README and the import page state. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The request around it: the multipart framing and the file's name add a little. */
export const MAX_BODY_BYTES = MAX_FILE_BYTES + 1024 * 1024;
/** Every part of a workbook together, unpacked. */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Data rows, not counting the header. */
export const MAX_ROWS = 100_000;
/** Columns with a value: the template has 30; more is not a sheet of meetings. */
export const MAX_COLUMNS = 64;
/** One CSV record, in characters: a row of the template with its longest texts is far shorter. */
export const MAX_RECORD_CHARS = 256 * 1024;

export type LimitKey = Extract<ImportErrorKey, 'tooLarge' | 'unpackedTooLarge' | 'tooManyRows' | 'tooManyColumns' | 'unreadable'>;

/** A cap passed (or a file that is no spreadsheet): the check stops and answers `status` with the cap named, and the line it stopped at. */
export class ImportLimitError extends Error {
  constructor(
    readonly key: LimitKey,
    readonly status: 400 | 413,
    readonly params: Record<string, string | number> = {},
    readonly line = 0,
  ) {
    super(key);
    this.name = 'ImportLimitError';
  }
}

const MB = 1024 * 1024;
export const fileTooLarge = () => new ImportLimitError('tooLarge', 413, { max: MAX_FILE_BYTES / MB });
export const unpackedTooLarge = () => new ImportLimitError('unpackedTooLarge', 413, { max: MAX_UNPACKED_BYTES / MB });
export const tooManyRows = (line: number) => new ImportLimitError('tooManyRows', 413, { max: MAX_ROWS }, line);
export const tooManyColumns = (line: number) => new ImportLimitError('tooManyColumns', 400, { max: MAX_COLUMNS }, line);
export const unreadable = () => new ImportLimitError('unreadable', 400);

/** Gives other requests their turn: a long read pauses at least this often (in ms of work). */
const SLICE_MS = 20;
let sliceStart = performance.now();
/** Call between steps of a long synchronous job: yields to the event loop once the slice is used up. */
export async function pause(): Promise<void> {
  if (performance.now() - sliceStart < SLICE_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  sliceStart = performance.now();
}
