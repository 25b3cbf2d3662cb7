import 'server-only';
import { NextResponse } from 'next/server';
import { errorResponse } from '@/server/api';
import type { Caller } from '@/server/auth/caller';
import { isAppError } from '@/server/errors';
import type { ImportErrorKey, RowErrorKey } from './error-keys';
import { describeErrors, requestLocale } from './messages';
import { assertOwnBatch, checkImport, commitImport, type ImportProgress } from './service';

// The import routes' bodies: the check answers { id, rows, errors } (200 even with row errors:
// they are the preview), a file that cannot be read 400, a commit refused 422 — each error
// with its row, column and a message in the request's language.
//
// A client that sends `Accept: application/x-ndjson` gets the same answer as a stream instead:
// progress lines { phase, done, total } while the rows are read, checked and written, then one
// last line { status, body } with the status and body the plain request would have had.

type Answer = { status: number; body: unknown };

export const NDJSON = 'application/x-ndjson';
const wantsProgress = (request: Request) => (request.headers.get('accept') ?? '').includes(NDJSON);

const refusalBody = async (request: Request, key: RowErrorKey) =>
  ({ errors: await describeErrors([{ row: 0, column: '', field: 'file', key }], requestLocale(request)) });
const refusal = async (request: Request, status: number, key: RowErrorKey) => NextResponse.json(await refusalBody(request, key), { status });

/** The answer as one JSON body, or as NDJSON progress lines and the answer last. */
function answer(request: Request, run: (onProgress?: (p: ImportProgress) => void) => Promise<Answer>): Promise<Response> | Response {
  if (!wantsProgress(request)) {
    return run().then(({ status, body }) => NextResponse.json(body, { status, headers: { 'Cache-Control': 'no-store' } }));
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
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get('file');
  } catch {
    return refusal(request, 400, 'unreadable');
  }
  if (!file || typeof file === 'string') return refusal(request, 400, 'required');
  const bytes = new Uint8Array(await file.arrayBuffer());
  const name = file.name;
  return answer(request, async (onProgress) => {
    try {
      const result = await checkImport(caller, { name, bytes }, onProgress);
      return { status: 200, body: { ...result, errors: await describeErrors(result.errors, requestLocale(request)) } };
    } catch (error) {
      // service.ts names the file's problem
      if (isAppError(error) && error.code === 'VALIDATION' && error.fields?.file) return { status: 400, body: await refusalBody(request, error.fields.file as ImportErrorKey) };
      throw error;
    }
  });
}

export async function postCommit(caller: Caller, request: Request, id: string): Promise<Response> {
  await assertOwnBatch(caller, id);
  return answer(request, async (onProgress) => {
    const result = await commitImport(caller, id, { onProgress });
    if (result.status === 'rejected') return { status: 422, body: { errors: await describeErrors(result.errors, requestLocale(request)) } };
    return { status: 200, body: { id, ...result.counts, repeated: result.repeated } };
  });
}
