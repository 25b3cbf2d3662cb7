import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import { derivedKey } from './secret';
import { sameHash } from './totp';

// OWASP's device cookie: a successful sign-in leaves the browser a cookie, signed with the app's
// key and bound to the username, that later marks it as a device this user has signed in from.
// Such a browser is not held back by the account's lock against unknown devices. One cookie per
// user, named by a keyed hash of the username so the name does not reveal it.

export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 3600;

const mac = (purpose: string, text: string) => createHmac('sha256', derivedKey(purpose)).update(text).digest('base64url');
const normalize = (username: string) => username.trim().toLowerCase();

export const deviceCookieName = (username: string) => `kz-device-${mac('device-name', normalize(username)).slice(0, 16)}`;

export type DeviceCookie = { name: string; value: string; maxAge: number };

export function newDeviceCookie(username: string): DeviceCookie {
  const nonce = randomBytes(18).toString('base64url');
  return { name: deviceCookieName(username), value: `${nonce}.${mac('device', `${normalize(username)}\n${nonce}`)}`, maxAge: DEVICE_COOKIE_MAX_AGE };
}

/** The cookie's nonce when it is a valid device cookie of this user; null otherwise. */
export function verifyDeviceCookie(username: string, value: string | null | undefined): string | null {
  if (!value) return null;
  const [nonce, signature, extra] = value.split('.');
  if (!nonce || !signature || extra !== undefined || !/^[A-Za-z0-9_-]{16,64}$/.test(nonce)) return null;
  return sameHash(signature, mac('device', `${normalize(username)}\n${nonce}`)) ? nonce : null;
}

/** Cookies of a Cookie header, by name; bad escapes are skipped. */
export function parseCookies(header: string | null | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    try {
      out[name] ??= decodeURIComponent(part.slice(i + 1).trim());
    } catch {
      // a forged cookie's bad escape: not a device cookie
    }
  }
  return out;
}
