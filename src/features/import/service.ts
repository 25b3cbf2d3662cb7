import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { assertOpen } from '@/server/records/closing';
import { writeAudit } from '@/server/audit';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { retryOnConflict } from '@/server/db/retry';
import { AppError } from '@/server/errors';
import { recordImportCommit } from '@/server/observability/metrics';
import { checkAgainstDatabase, type CheckedRow } from './check';
import type { ImportRow } from './row-schema';
import { ImportLimitError, MAX_FILE_BYTES, fileTooLarge, pause, unreadable } from './limits';
import { loadLookups } from './lookups';
import { parseSheetSteps, type RowError } from './parse-rows';
import { readSpreadsheet } from './read-file';
import { writeRows, type CommitCounts } from './write-rows';

// Check a spreadsheet (nothing is written but the checked batch), then commit it: every row
// in one transaction or none. Natural keys make a second commit of the same rows a no-op.
// Both report their progress in rows, for large files: the check reads, parses and checks the
// rows in steps; the commit checks them again and writes them in chunks, all in its one transaction.

/** Rows the check checks, and the commit writes, per step: a progress report after each. */
export const CHUNK_ROWS = 5000;

export type ImportProgress = { phase: 'reading' | 'checking' | 'writing'; done: number; total: number };
type OnProgress = (progress: ImportProgress) => void;

const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK_ROWS) }, (_, i) => items.slice(i * CHUNK_ROWS, (i + 1) * CHUNK_ROWS));
/** Lets a progress report already queued reach the client before the next synchronous step. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Rows parsed between two pauses: a few milliseconds of work, so other requests are answered meanwhile. */
const PARSE_STEP_ROWS = 250;

/** JSON of a long array, an item at a time between pauses. */
async function jsonArray(items: readonly unknown[]): Promise<string> {
  const parts: string[] = [];
  for (const item of items) {
    parts.push(JSON.stringify(item));
    await pause();
  }
  return `[${parts.join(',')}]`;
}

/** The file's SHA-256, a megabyte at a time between pauses. */
async function sha256(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let at = 0; at < bytes.length; at += 1024 * 1024) {
    hash.update(bytes.subarray(at, at + 1024 * 1024));
    await pause();
  }
  return hash.digest('hex');
}

type Tx = Parameters<typeof checkAgainstDatabase>[0];
type ScopeCaller = Parameters<typeof checkAgainstDatabase>[1];

/** checkAgainstDatabase in chunks of rows, reporting each; every row is checked on its own, so the result is the same. */
async function checkInChunks(tx: Tx, caller: ScopeCaller, rows: ImportRow[], onProgress?: OnProgress) {
  const out: Awaited<ReturnType<typeof checkAgainstDatabase>> = { rows: [], errors: [], touched: [] };
  const touched = new Set<string>();
  let done = 0;
  onProgress?.({ phase: 'checking', done, total: rows.length });
  for (const chunk of chunks(rows)) {
    const part = await checkAgainstDatabase(tx, caller, chunk);
    out.rows.push(...part.rows);
    out.errors.push(...part.errors);
    for (const day of part.touched) touched.add(day);
    done += chunk.length;
    onProgress?.({ phase: 'checking', done, total: rows.length });
  }
  return { ...out, touched: [...touched] };
}

export type CheckResult = {
  id: string;
  rows: number;
  ready: number;
  errors: RowError[];
  fileHash: string;
  format: string;
  alreadyImportedAt: string | null;
  /** The first rows ready to write, for the preview. */
  sample: Array<{ line: number; externalRef: string; heldOn: string; issueNumber: number; status: string; needKzt: number | null; allocatedKzt: number | null }>;
};

export const SAMPLE_ROWS = 200;

/**
 * Reads and checks the file. A file past a cap (limits.ts) or that is no spreadsheet throws an
 * ImportLimitError naming it, as soon as the reading meets it.
 */
export async function checkImport(caller: Caller, file: { name: string; bytes: Uint8Array }, onProgress?: OnProgress): Promise<CheckResult> {
  if (file.bytes.length > MAX_FILE_BYTES) throw fileTooLarge();
  const fileHash = await sha256(file.bytes);
  let sheet: Awaited<ReturnType<typeof readSpreadsheet>>;
  try {
    sheet = await readSpreadsheet(file.bytes);
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    throw unreadable();
  }
  const client = db();
  const steps = parseSheetSteps(sheet.rows, await loadLookups(client), PARSE_STEP_ROWS);
  let step = steps.next();
  while (!step.done) {
    if (step.value.done % CHUNK_ROWS === 0) onProgress?.({ phase: 'reading', ...step.value });
    await breathe();
    step = steps.next();
  }
  const parsed = step.value;
  const checked = await checkInChunks(client, caller, parsed.rows, onProgress);
  const errors = [...parsed.errors, ...checked.errors].sort((a, b) => a.row - b.row);
  const format = sheet.format.kind === 'xlsx' ? 'xlsx' : `csv ${sheet.format.encoding} ${sheet.format.delimiter}`;
  const previous = await client.importBatch.findFirst({
    where: { fileHash, status: 'COMMITTED', userId: caller.userId }, orderBy: { committedAt: 'desc' }, select: { committedAt: true },
  });
  const id = randomUUID();
  // The rows as JSON built a slice at a time: handed to Prisma as objects, 60 000 rows held the event loop for seconds.
  const [rowsJson, errorsJson] = [await jsonArray(checked.rows), await jsonArray(errors)];
  await client.$executeRaw`
    INSERT INTO import_batch (id, user_id, file_name, file_hash, format, row_count, error_count, rows, errors)
    VALUES (${id}::uuid, ${caller.userId}, ${file.name.slice(0, 255)}, ${fileHash}, ${format}, ${parsed.total}, ${errors.length},
      ${rowsJson}::jsonb, ${errorsJson}::jsonb)`;
  return {
    id, rows: parsed.total, ready: errors.length === 0 ? checked.rows.length : 0, errors, fileHash, format,
    alreadyImportedAt: previous?.committedAt?.toISOString() ?? null,
    sample: checked.rows.slice(0, SAMPLE_ROWS).map((r) => ({
      line: r.line, externalRef: r.externalRef, heldOn: r.heldOn, issueNumber: r.issueNumber, status: r.status, needKzt: r.needKzt, allocatedKzt: r.allocatedKzt,
    })),
  };
}

/** 404 unless the batch is the caller's: asked before a streamed commit starts, so the status is still a real 404. */
export async function assertOwnBatch(caller: Caller, id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'import');
  const batch = await db().importBatch.findUnique({ where: { id }, select: { userId: true } });
  if (!batch || batch.userId !== caller.userId) throw new AppError('NOT_FOUND', 'import');
}

export type CommitResult =
  | { status: 'committed'; counts: CommitCounts; repeated: boolean }
  | { status: 'rejected'; errors: RowError[] }
  /** Another commit of this user's runs, in this app instance or another. */
  | { status: 'busy' };

// Advisory lock keys: one namespace for the import (closing.ts has its own), one key per user.
const IMPORT_LOCK_SPACE = 0x6b7a02;

/** `onStep` lets the fault test cut the connection between writes; `onProgress` hears of each chunk checked and written. */
export async function commitImport(
  caller: Caller,
  id: string,
  options: { onStep?: (step: string, backendPid: number) => Promise<void>; onProgress?: OnProgress } = {},
): Promise<CommitResult> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', 'import');
  const started = performance.now();
  let written = 0;
  // A deadlock's victim rolled back whole: run again (src/server/db/retry.ts).
  const result: CommitResult = await retryOnConflict(() => db().$transaction(
    async (tx) => {
      // One commit per user across every app instance: held until this transaction ends, so a
      // process that dies mid-commit releases it with its connection.
      const [{ locked }] = await tx.$queryRaw<[{ locked: boolean }]>`SELECT pg_try_advisory_xact_lock(${IMPORT_LOCK_SPACE}::int, ${caller.userId}::int) AS locked`;
      if (!locked) return { status: 'busy' } as const;
      const [batch] = await tx.$queryRawUnsafe<Array<{ user_id: number; status: string; error_count: number; rows: CheckedRow[]; result: CommitCounts | null; file_hash: string; row_count: number }>>(
        `SELECT user_id, status::text, error_count, rows, result, file_hash, row_count FROM import_batch WHERE id = $1::uuid FOR UPDATE`, id);
      // Someone else's batch is as good as absent: its rows may lie outside this caller's scope.
      if (!batch || batch.user_id !== caller.userId) throw new AppError('NOT_FOUND', 'import');
      if (batch.status === 'COMMITTED') return { status: 'committed', counts: batch.result!, repeated: true } as const;
      if (batch.error_count > 0) return { status: 'rejected', errors: [{ row: 0, column: '', field: '_', key: 'cannotCommit' }] } as const;
      const rows = batch.rows;
      const again = await checkInChunks(tx, caller, rows, options.onProgress);
      if (again.errors.length > 0) return { status: 'rejected', errors: again.errors } as const;
      // The periods' lock protocol: shared locks on the half-years written, so a closing waits for this commit.
      try {
        await assertOpen(tx, { rows: again.touched });
      } catch (error) {
        if (error instanceof AppError && error.code === 'VALIDATION') return { status: 'rejected', errors: [{ row: 0, column: '', field: '_', key: 'changedSinceCheck' }] } as const;
        throw error;
      }
      // In chunks, for the progress: still one transaction, so all of them or none.
      const counts: CommitCounts = { meetings: 0, issues: 0, statuses: 0, money: 0, receptions: 0 };
      let done = 0;
      options.onProgress?.({ phase: 'writing', done, total: rows.length });
      for (const chunk of chunks(rows)) {
        const part = await writeRows(tx, chunk, caller.userId, options.onStep);
        for (const key of Object.keys(counts) as Array<keyof CommitCounts>) counts[key] = (counts[key] ?? 0) + (part[key] ?? 0);
        done += chunk.length;
        options.onProgress?.({ phase: 'writing', done, total: rows.length });
      }
      written = rows.length;
      await tx.importBatch.update({ where: { id }, data: { status: 'COMMITTED', committedAt: new Date(), result: counts } });
      await writeAudit({
        userId: caller.userId, action: 'import.commit', entity: 'import_batch', entityId: id,
        after: { fileHash: batch.file_hash, rows: batch.row_count, ...counts }, ip: caller.ip,
      }, tx);
      return { status: 'committed', counts, repeated: false } as const;
    },
    { timeout: 10 * 60_000, maxWait: 30_000 },
  ));
  // Counted once the transaction has committed: a rolled-back commit wrote no rows.
  if (result.status === 'committed' && !result.repeated) recordImportCommit(written, (performance.now() - started) / 1000);
  return result;
}
