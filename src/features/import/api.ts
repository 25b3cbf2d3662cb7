import 'server-only';
import { NextResponse } from 'next/server';
import { errorResponse } from '@/server/api';
import type { Caller } from '@/server/auth/caller';
import type { RowErrorKey } from './error-keys';
import { ImportLimitError, MAX_BODY_BYTES, MAX_FILE_BYTES, fileTooLarge } from './limits';
import { describeErrors, requestLocale } from './messages';
import { filePart } from './multipart';
import { assertOwnBatch, checkImport, commitImport, type ImportProgress } from './service';

// The import routes' bodies: the check answers { id, rows, errors } (200 even with row errors:
// they are the preview), a file that cannot be read 400, a commit refused 422 — each error
// with its row, column and a message in the request's language.
//
// A client that sends `Accept: application/x-ndjson` gets the same answer as a stream instead:
// progress lines { phase, done, total } while the rows are read, checked and written, then one
// last line { status, body } with the status and body the plain request would have had.
//
// A file past a cap is refused with 413 (or 400) and the cap named, before the check starts or as
// soon as reading meets it; one user runs one import (a check or a commit) at a time in an app
// process, a second gets 409; a commit is also one per user across instances (service.ts's lock).

type Answer = { status: number; body: unknown };

export const NDJSON = 'application/x-ndjson';
const wantsProgress = (request: Request) => (request.headers.get('accept') ?? '').includes(NDJSON);

const refusalBody = async (request: Request, key: RowErrorKey, params?: Record<string, string | number>, row = 0) =>
  ({ errors: await describeErrors([{ row, column: '', field: 'file', key, params }], requestLocale(request)) });
const refusal = async (request: Request, status: number, key: RowErrorKey, params?: Record<string, string | number>) =>
  NextResponse.json(await refusalBody(request, key, params), { status });
/** A cap passed: its status, its message, and as the row the line where reading stopped (0 for the file as a whole). */
const limitBody = (request: Request, error: ImportLimitError) => refusalBody(request, error.key, error.params, error.line);
const limitRefusal = async (request: Request, error: ImportLimitError) => NextResponse.json(await limitBody(request, error), { status: error.status });

/** Users with an import under way in this process: a check or a commit each, from the request to its last line. */
const running = new Set<number>();

/** Runs `work` as the user's one import, or refuses with 409 while another is under way; `work` answers when it is done. */
async function asOnlyImport(caller: Caller, request: Request, work: (done: () => void) => Promise<Response>): Promise<Response> {
  if (running.has(caller.userId)) return refusal(request, 409, 'busy');
  running.add(caller.userId);
  let released = false;
  const done = () => {
    if (!released) running.delete(caller.userId);
    released = true;
  };
  try {
    return await work(done);
  } catch (error) {
    done();
    throw error;
  }
}

/** The request's body, refused (fileTooLarge) past MAX_BODY_BYTES: by its declared length before reading, else as it is read. */
async function readBody(request: Request): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > MAX_BODY_BYTES) throw fileTooLarge();
  if (!request.body) return Buffer.alloc(0);
  // One buffer of the declared size, filled as the body arrives (no second copy), else the parts joined.
  const whole = Number.isSafeInteger(declared) && declared > 0 ? Buffer.allocUnsafe(declared) : null;
  const parts: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (size + value.length > MAX_BODY_BYTES || (whole && size + value.length > whole.length)) {
      await reader.cancel();
      if (size + value.length > MAX_BODY_BYTES) throw fileTooLarge();
      throw new Error('body longer than its content-length');
    }
    if (whole) whole.set(value, size);
    else parts.push(value);
    size += value.length;
  }
  return whole ? whole.subarray(0, size) : Buffer.concat(parts);
}

/** The answer as one JSON body, or as NDJSON progress lines and the answer last. */
function answer(request: Request, run: (onProgress?: (p: ImportProgress) => void) => Promise<Answer>, done: () => void): Promise<Response> | Response {
  if (!wantsProgress(request)) {
    return run()
      .then(({ status, body }) => NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } }))
      .finally(done);
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      let last = '';
      try {
        const final = await run((p) => {
          const key = `${p.phase}:${p.done}`;
          if (key !== last) send(p);
          last = key;
        });
        send(final);
      } catch (error) {
        // The status line went out already; the error travels in the last line, as the plain request would answer it.
        const response = errorResponse(error);
        send({ status: response.status, body: await response.json() });
      } finally {
        done();
      }
      controller.close();
    },
  });
  // no-transform: compression would hold the lines back until the end.
  return new Response(stream, { headers: { 'Content-Type': `${NDJSON}; charset=utf-8`, 'Cache-Control': 'no-store, no-transform', 'X-Accel-Buffering': 'no' } });
}

export async function postImport(caller: Caller, request: Request): Promise<Response> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.startsWith('multipart/form-data')) return refusal(request, 400, 'unreadable');
  return asOnlyImport(caller, request, async (done) => {
    let file: ReturnType<typeof filePart>;
    try {
      file = filePart(await readBody(request), type, 'file');
    } catch (error) {
      done();
      return error instanceof ImportLimitError ? limitRefusal(request, error) : refusal(request, 400, 'unreadable');
    }
    if (file === 'malformed') {
      done();
      return refusal(request, 400, 'unreadable');
    }
    if (!file) {
      done();
      return refusal(request, 400, 'required');
    }
    if (file.bytes.length > MAX_FILE_BYTES) {
      done();
      return limitRefusal(request, fileTooLarge());
    }
    const { name, bytes } = file;
    return answer(request, async (onProgress) => {
      try {
        const result = await checkImport(caller, { name, bytes }, onProgress);
        return { status: 200, body: { ...result, errors: await describeErrors(result.errors, requestLocale(request)) } };
      } catch (error) {
        // readers and service.ts name the cap passed, or the file's problem
        if (error instanceof ImportLimitError) return { status: error.status, body: await limitBody(request, error) };
        throw error;
      }
    }, done);
  });
}

export async function postCommit(caller: Caller, request: Request, id: string): Promise<Response> {
  await assertOwnBatch(caller, id);
  return asOnlyImport(caller, request, async (done) =>
    answer(request, async (onProgress) => {
      const result = await commitImport(caller, id, { onProgress });
      if (result.status === 'busy') return { status: 409, body: await refusalBody(request, 'busy') };
      if (result.status === 'rejected') return { status: 422, body: { errors: await describeErrors(result.errors, requestLocale(request)) } };
      return { status: 200, body: { id, ...result.counts, repeated: result.repeated } };
    }, done),
  );
}
