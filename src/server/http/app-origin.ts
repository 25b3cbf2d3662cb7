import type { Env } from '@/env';

// The site's public origin. Origin headers and sign-in callbacks are compared with it, never with
// the request's Host or X-Forwarded-Host, which a client or a misconfigured proxy can set.

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** The origins a browser may send: APP_URL's, or without it the local demo's (localhost, 127.0.0.1, [::1] and HOST, on PORT). */
export function appOrigins(env: Pick<Env, 'APP_URL' | 'HOST' | 'PORT'>): string[] {
  if (env.APP_URL) return [new URL(env.APP_URL).origin];
  const hosts = ['localhost', '127.0.0.1', '[::1]'];
  if (env.HOST && !WILDCARDS.has(env.HOST)) hosts.push(env.HOST.includes(':') && !env.HOST.startsWith('[') ? `[${env.HOST}]` : env.HOST);
  return [...new Set(hosts.map((h) => new URL(`http://${h}:${env.PORT}`).origin))];
}

/** The one origin the app names itself by: APP_URL, or http://localhost:PORT. */
export const appOrigin = (env: Pick<Env, 'APP_URL' | 'HOST' | 'PORT'>) => appOrigins(env)[0]!;

/** Whether an Origin header names the site itself. */
export function isAppOrigin(origin: string | null, env: Pick<Env, 'APP_URL' | 'HOST' | 'PORT'>): boolean {
  if (!origin) return false;
  try {
    return appOrigins(env).includes(new URL(origin).origin);
  } catch {
    return false;
  }
}
