import 'server-only';
import { cookies } from 'next/headers';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '@/env';
import { CLIENT_ADDRESS_HEADER } from '@/server/http/client-address';
import { noteUserId } from '@/server/observability/request-context';
import { parseCookies } from './device';
import { authSecret } from './secret';
import { SignInError, endSession, signInWithPassword } from './sign-in';

// next-auth only carries a signed pointer to our own session row; see caller.ts.
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    uid?: number;
    ver?: number;
  }
}

type HeaderBag = Record<string, string | string[] | undefined> | undefined;
const header = (h: HeaderBag, name: string) => {
  const v = h?.[name];
  return (Array.isArray(v) ? v[0] : v) ?? null;
};

export function authOptions(): NextAuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: 'jwt', maxAge: env.SESSION_MAX_HOURS * 3600 },
    pages: { signIn: '/signin', error: '/signin' },
    providers: [
      CredentialsProvider({
        name: 'Kezdesu',
        credentials: { username: {}, password: {}, totp: {}, recoveryCode: {} },
        async authorize(credentials, req) {
          const h = req?.headers as HeaderBag;
          // Set by the app's own server from the socket and TRUSTED_PROXIES; never X-Forwarded-For as the client sent it.
          const ip = header(h, CLIENT_ADDRESS_HEADER);
          try {
            const signedIn = await signInWithPassword({
              username: String(credentials?.username ?? ''),
              password: String(credentials?.password ?? ''),
              totp: credentials?.totp ? String(credentials.totp) : undefined,
              recoveryCode: credentials?.recoveryCode ? String(credentials.recoveryCode) : undefined,
              ip: ip ?? null,
              userAgent: header(h, 'user-agent'),
              cookies: parseCookies(header(h, 'cookie')),
            });
            noteUserId(signedIn.userId);
            // The device cookie: this browser has signed in as this user (see throttle.ts).
            const secure = header(h, 'x-forwarded-proto') === 'https' || Boolean(env.APP_URL?.startsWith('https:'));
            (await cookies()).set(signedIn.device.name, signedIn.device.value, {
              httpOnly: true, sameSite: 'lax', path: '/', secure, maxAge: signedIn.device.maxAge,
            });
            return { id: String(signedIn.userId), name: signedIn.fullName, sid: signedIn.sessionId, ver: signedIn.version };
          } catch (error) {
            // next-auth passes the message to the client as `error`: a code, never details.
            if (error instanceof SignInError) throw new Error(error.reason);
            throw new Error('INVALID');
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          const u = user as typeof user & { sid: string; ver: number };
          token.sid = u.sid;
          token.uid = Number(u.id);
          token.ver = u.ver;
        }
        return token;
      },
      session({ session, token }) {
        // The browser learns the name to show, nothing that identifies the session row.
        return { expires: session.expires, user: { name: token.name ?? null } };
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await endSession(token.sid, token.uid ?? null);
      },
    },
  };
}
