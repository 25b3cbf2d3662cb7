import 'server-only';
import { NextResponse } from 'next/server';
import { createTranslator } from 'next-intl';
import type { z } from 'zod';
import { languageOf } from '@/server/stats/api';
import { isLocale, type Locale } from '@/i18n/config';
import { loadMessages } from '@/i18n/catalogue';
import { recordDenial } from '@/server/access/guard';
import type { ApiContext } from '@/server/api';
import { writeAudit } from '@/server/audit';
import type { AuditAction, AuditEntity } from '@/server/audit-codes';
import type { Caller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { retryOnConflict } from '@/server/db/retry';
import { isAppError } from '@/server/errors';
import type { Tx } from '@/server/records/write-kit';

// The write API's side of the shared writers: the JSON body parsed with the same zod schema
// as the form, the change and its audit row in one transaction, and refusals as
// `{ errors: [{ field, message }] }` in the caller's language (lang, else Accept-Language):
// 400 when the body does not match the schema, 422 when a rule refuses it, 409 when the
// version is stale. Nothing changes on any refusal.

type FieldError = { field: string; message: string };

async function translator(request: Request) {
  const q = new URL(request.url).searchParams.get('lang');
  const locale: Locale = isLocale(q) ? q : (languageOf(request.headers.get('accept-language')) as Locale);
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages: messages as never });
}

type T = Awaited<ReturnType<typeof translator>>;

function message(t: T, key: string, params: Record<string, string | number> = {}): string {
  const k = key as never;
  if (t.has(k)) return t(k, params as never);
  const core = `validation.generic.${key}` as never;
  return t.has(core) ? t(core, params as never) : t('validation.generic.invalid' as never);
}

function zodErrors(t: T, error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_';
    if (seen.has(field)) continue;
    seen.add(field);
    const params: Record<string, string> = {};
    if ('minimum' in issue) params.min = String(issue.minimum);
    if ('maximum' in issue) params.max = String(issue.maximum);
    const key = issue.message.includes('.') && /^[a-z][\w.]+$/i.test(issue.message) ? issue.message : issue.code;
    out.push({ field, message: message(t, key, params) });
  }
  return out;
}

const refusal = (status: number, errors: FieldError[], extra: Record<string, unknown> = {}) =>
  NextResponse.json({ errors, ...extra }, { status, headers: { 'Cache-Control': 'no-store' } });

/**
 * Runs one write: parse the body with `schema`, call `write` in a transaction with its audit
 * row, and answer `status` with its result. Role, session and Origin were checked by apiRoute.
 */
export async function handleWrite<S extends z.ZodType, R extends { id: number; before?: unknown; after?: unknown }>(
  ctx: ApiContext<unknown>,
  schema: S,
  audit: { action: AuditAction; entity: AuditEntity },
  write: (tx: Tx, caller: Caller, input: z.output<S>) => Promise<R>,
  respond: (r: R) => unknown,
  status = 200,
): Promise<Response> {
  const t = await translator(ctx.request);
  let body: unknown;
  try {
    body = await ctx.request.json();
  } catch {
    return refusal(400, [{ field: '_', message: message(t, 'entry.api.notJson') }]);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) return refusal(400, zodErrors(t, parsed.error));
  try {
    const result = await retryOnConflict(() => db().$transaction(async (tx) => {
      const r = await write(tx, ctx.caller, parsed.data);
      await writeAudit({ userId: ctx.caller.userId, action: audit.action, entity: audit.entity, entityId: r.id, before: r.before, after: r.after, ip: ctx.caller.ip }, tx);
      return r;
    }));
    return NextResponse.json(respond(result), { status, headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (isAppError(error)) {
      if (error.code === 'VALIDATION' && error.fields) {
        return refusal(422, Object.entries(error.fields).map(([field, key]) => ({ field, message: message(t, key) })));
      }
      if (error.code === 'CONFLICT') return refusal(409, [{ field: 'version', message: message(t, 'actionErrors.conflict') }]);
      // Outside the caller's scope: the denial is audited like any other.
      if (error.code === 'FORBIDDEN') await recordDenial(ctx.caller, 'records.write', { entity: audit.entity, entityId: (ctx.params as { id?: string } | undefined)?.id });
    }
    throw error;
  }
}
