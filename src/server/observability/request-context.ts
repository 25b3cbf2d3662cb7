import { AsyncLocalStorage } from 'node:async_hooks';

// What the request log line needs from inside the app: the app's own server (scripts/serve.ts)
// opens a context per request and Next's handlers run within it, in the same process. The
// store lives on globalThis because Next bundles its own copy of this module.
// The user id is set where the app has confirmed the caller against the database (caller.ts,
// and the sign-in itself), not decoded from the cookie in the server: a cookie may name a revoked
// session, and an API token names its user only through a database lookup.

export type RequestContext = { requestId: string; userId: number | null };

const KEY = Symbol.for('kezdesu.requestContext');
const holder = globalThis as typeof globalThis & { [KEY]?: AsyncLocalStorage<RequestContext> };

export const requestContext: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** Records who the request turned out to be, for its log line; outside the app's server a no-op. */
export function noteUserId(userId: number): void {
  const store = requestContext.getStore();
  if (store) store.userId = userId;
}

/** An incoming X-Request-Id is kept only when it is a short token that cannot smuggle text into the logs. */
export const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;
