import 'server-only';
import { NextResponse } from 'next/server';
import type { Caller } from '@/server/auth/caller';
import { isAppError } from '@/server/errors';
import type { ImportErrorKey, RowErrorKey } from './error-keys';
import { describeErrors, requestLocale } from './messages';
import { checkImport, commitImport } from './service';

// The import routes' bodies: the check answers { id, rows, errors } (200 even with row errors:
// they are the preview), a file that cannot be read 400, a commit refused 422 — each error
// with its row, column and a message in the request's language.

const refusal = async (request: Request, status: number, key: RowErrorKey) =>
  NextResponse.json({ errors: await describeErrors([{ row: 0, column: '', field: 'file', key }], requestLocale(request)) }, { status });

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
  try {
    const result = await checkImport(caller, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
    return NextResponse.json({ ...result, errors: await describeErrors(result.errors, requestLocale(request)) }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (isAppError(error) && error.code === 'VALIDATION' && error.fields?.file) return refusal(request, 400, error.fields.file as ImportErrorKey); // service.ts names the file's problem
    throw error;
  }
}

export async function postCommit(caller: Caller, request: Request, id: string): Promise<Response> {
  const result = await commitImport(caller, id);
  if (result.status === 'rejected') {
    return NextResponse.json({ errors: await describeErrors(result.errors, requestLocale(request)) }, { status: 422 });
  }
  return NextResponse.json({ id, ...result.counts, repeated: result.repeated });
}

