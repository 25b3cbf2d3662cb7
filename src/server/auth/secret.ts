import { createHash } from 'node:crypto';
import { env } from '@/env';

// One secret signs session tokens and, through a derived key, encrypts TOTP secrets.
export function authSecret(): string {
  if (!env.AUTH_SECRET) throw new Error('AUTH_SECRET is not set: start the app with `npm start`, or set it (32+ characters).');
  return env.AUTH_SECRET;
}

export const derivedKey = (purpose: string) => createHash('sha256').update(`${authSecret()}:${purpose}`).digest();
