import 'server-only';
import { NextResponse } from 'next/server';
import { z } from 'zod';
import { authorize, recordDenial } from '@/server/access/guard';
import type { Permission } from '@/server/access/policy';
import { env } from '@/env';
import { type Caller, callerFromHeaders } from '@/server/auth/caller';
import { isAppOrigin } from '@/server/http/app-origin';
import { logger } from '@/server/observability/logger';
import { AppError, HTTP_STATUS, isAppError } from '@/server/errors';

// Every route handler goes through here: caller from token or session (401 without one),
// the policy check (403, audited), the Origin check for cookie-authenticated writes, and
// errors mapped to JSON with a code — never a stack trace.

export type ApiContext<P> = { caller: Caller; request: Request; params: P };

export const ROUTE_POLICIES = new Map<string, Permission>();

const READS = new Set(['GET', 'HEAD']);

type Handler<P> = (ctx: ApiContext<P>) => Promise<Response | unknown>;

export function apiRoute<P = Record<string, string>>(
  options: { permission: Permission; route: string },
  handler: Handler<P>,
) {
  ROUTE_POLICIES.set(options.route, options.permission);
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    try {
      const caller = await callerFromHeaders(request.headers, { bearer: true });
      if (!caller) return errorResponse(new AppError('UNAUTHENTICATED', 'sign in or send a valid token'));
      if (!READS.has(request.method) && caller.via === 'token' && caller.tokenScope !== 'READ_WRITE') {
        await recordDenial(caller, 'token.read', { entity: 'route', entityId: options.route });
        throw new AppError('FORBIDDEN', 'this token may only read');
      }
      if (request.method !== 'GET' && request.method !== 'HEAD' && caller.via === 'session' && !sameOrigin(request)) {
        await recordDenial(caller, 'origin', { entity: 'route', entityId: options.route });
        throw new AppError('FORBIDDEN', 'cross-origin request refused');
      }
      await authorize(caller, options.permission, { entity: 'route', entityId: options.route });
      const result = await handler({ caller, request, params: await context.params });
      return result instanceof Response ? result : NextResponse.json(result, { headers: { 'Cache-Control': 'no-store' } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The Origin header against the configured public origin (APP_URL), never the request's own Host or X-Forwarded-Host. */
const sameOrigin = (request: Request) => isAppOrigin(request.headers.get('origin'), env);

export function errorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    const fields = Object.fromEntries(error.issues.map((i) => [i.path.join('.') || '_', i.message]));
    return NextResponse.json({ error: { code: 'VALIDATION', message: 'invalid parameters', fields } }, { status: 400 });
  }
  if (isAppError(error)) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, ...(error.fields ? { fields: error.fields } : {}) } },
      { status: HTTP_STATUS[error.code] },
    );
  }
  // The stack goes to the log; the client gets the request id to quote (X-Request-Id), never the stack.
  logger.error({ err: error }, 'unhandled API error');
  return NextResponse.json({ error: { code: 'INTERNAL', message: 'internal error' } }, { status: 500 });
}
