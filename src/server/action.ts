import 'server-only';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { Prisma } from '@/generated/prisma/client';
import { authorize, recordDenial } from '@/server/access/guard';
import type { Permission } from '@/server/access/policy';
import { writeAudit } from '@/server/audit';
import type { AuditAction, AuditEntity } from '@/server/audit-codes';
import { type Caller, getCaller } from '@/server/auth/caller';
import { db } from '@/server/db/client';
import { retryOnConflict } from '@/server/db/retry';
import { AppError, isAppError } from '@/server/errors';
import { logger } from '@/server/observability/logger';

// The one wrapper for every mutation: caller and role, input parsed with the form's zod
// schema, the change and its audit row in one transaction, errors turned into messages
// in the reader's language. A failed mutation leaves the data as it was.

export type ActionState<T = unknown> =
  | { status: 'idle' }
  | { status: 'ok'; data?: T; message?: string }
  | { status: 'error'; message: string; fields?: Record<string, string> };

export type ActionResult<T> = { data?: T; entityId?: string | number | null; before?: unknown; after?: unknown; message?: string };
type Tx = Prisma.TransactionClient;

/** Which permission each named action needs; the access matrix test walks this list. */
export const ACTION_POLICIES = new Map<string, Permission>();
/** The name of each wrapped action function: an exported action missing here was not wrapped. */
export const ACTION_NAMES = new WeakMap<object, string>();

export function authorizedAction<S extends z.ZodType, T = undefined>(
  options: {
    name: string; permission: Permission; schema: S; audit: { action: AuditAction; entity: AuditEntity } | null;
    /** Runs after a refused mutation's transaction rolled back, for what must outlast it (a failed password check). */
    onRefused?: (error: AppError, caller: Caller) => Promise<void>;
  },
  handler: (input: z.output<S>, ctx: { caller: Caller; tx: Tx }) => Promise<ActionResult<T>>,
) {
  ACTION_POLICIES.set(options.name, options.permission);
  const action = async (_prev: ActionState<T> | undefined, input: FormData | z.input<S>): Promise<ActionState<T>> => {
    const t = await getTranslations('actionErrors');
    let caller: Caller | null = null;
    let authorized = false;
    try {
      caller = await getCaller();
      if (!caller) throw new AppError('UNAUTHENTICATED');
      await authorize(caller, options.permission, { entity: 'action', entityId: options.name });
      authorized = true;
      const raw = input instanceof FormData ? formDataToObject(input) : input;
      const parsed = options.schema.safeParse(raw);
      if (!parsed.success) return { status: 'error', message: t('validation'), fields: await fieldMessages(parsed.error) };
      const active = caller;
      // A deadlock's victim rolled back whole: run again (src/server/db/retry.ts).
      const result = await retryOnConflict(() => db().$transaction(async (tx) => {
        const r = await handler(parsed.data, { caller: active, tx });
        if (options.audit) {
          await writeAudit(
            { userId: active.userId, action: options.audit.action, entity: options.audit.entity, entityId: r.entityId, before: r.before, after: r.after, ip: active.ip },
            tx,
          );
        }
        return r;
      }));
      return { status: 'ok', data: result.data, message: result.message };
    } catch (error) {
      if (isAppError(error)) {
        if (options.onRefused && caller && authorized) await options.onRefused(error, caller);
        // Role denials are recorded by authorize; a record outside the caller's scope is recorded here.
        if (error.code === 'FORBIDDEN' && caller && authorized) await recordDenial(caller, options.name);
        if (error.code === 'VALIDATION' && error.fields) {
          return { status: 'error', message: t('validation'), fields: await translateKeys(error.fields) };
        }
        return { status: 'error', message: t(codeMessage[error.code]) };
      }
      logger.error({ err: error, action: options.name }, 'action failed');
      return { status: 'error', message: t('internal') };
    }
  };
  ACTION_NAMES.set(action, options.name);
  return action;
}

/** A message key of a feature area's catalogue part, such as `entry.validation.dateInFuture`. */
const FEATURE_KEY = /^[a-z][A-Za-z]*\.[A-Za-z.]+$/;

const codeMessage = {
  UNAUTHENTICATED: 'unauthenticated',
  FORBIDDEN: 'forbidden',
  NOT_FOUND: 'notFound',
  CONFLICT: 'conflict',
  VALIDATION: 'validation',
  RATE_LIMITED: 'rateLimited',
} as const;

function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('$ACTION')) continue;
    const v = typeof value === 'string' ? value : value.name;
    if (key in out) out[key] = ([] as unknown[]).concat(out[key], v);
    else out[key] = v;
  }
  return out;
}

/** Schemas name message keys (`validation.*`); anything else gets the generic message of its issue code. */
async function fieldMessages(error: z.ZodError): Promise<Record<string, string>> {
  const t = await getTranslations('validation');
  const root = await getTranslations();
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const field = issue.path.join('.') || '_';
    if (fields[field]) continue;
    const key = issue.message.startsWith('validation.') ? issue.message.slice('validation.'.length) : null;
    const params: Record<string, string> = {};
    if ('minimum' in issue) params.min = String(issue.minimum);
    if ('maximum' in issue) params.max = String(issue.maximum);
    // A feature area's own keys (`entry.validation.*`) are read from the whole catalogue.
    if (!key && FEATURE_KEY.test(issue.message) && root.has(issue.message)) fields[field] = root(issue.message, params);
    else fields[field] = key && t.has(key) ? t(key, params) : t.has(`generic.${issue.code}`) ? t(`generic.${issue.code}`, params) : t('generic.invalid');
  }
  return fields;
}

async function translateKeys(fields: Record<string, string>): Promise<Record<string, string>> {
  const t = await getTranslations('validation');
  const root = await getTranslations();
  return Object.fromEntries(
    Object.entries(fields).map(([f, key]) => {
      if (!key.startsWith('validation.') && FEATURE_KEY.test(key) && root.has(key)) return [f, root(key)];
      const k = key.startsWith('validation.') ? key.slice('validation.'.length) : key;
      return [f, t.has(k) ? t(k) : t('generic.invalid')];
    }),
  );
}
