import { describe, expect, it } from 'vitest';
import { POLICY, PERMISSIONS, can } from '@/server/access/policy';
import { recordScope } from '@/server/access/scope';
import { meetingInScope as inScope, meetingWhere } from '@/server/access/scopes/meeting';
import { hashPassword, passwordProblem, verifyPassword } from '@/server/auth/password';
import {
  currentTotp, decryptSecret, encryptSecret, hashRecoveryCode, newRecoveryCodes, newTotpSecret, verifyTotp,
} from '@/server/auth/totp';

const editor = (over: Partial<{ regionId: number | null; unitId: number | null; centralBodyId: number | null }> = {}) => ({
  role: 'AKIMAT_EDITOR' as const, regionId: 7, unitId: null, centralBodyId: null, ...over,
});

describe('password policy', () => {
  it('asks for length, not composition, and refuses common passwords', () => {
    expect(passwordProblem('short-pass1')).toBe('TOO_SHORT');
    expect(passwordProblem('x'.repeat(129))).toBe('TOO_LONG');
    expect(passwordProblem('password1234')).toBe('COMMON');
    expect(passwordProblem('PassWord1234')).toBe('COMMON');
    expect(passwordProblem('alllowercaseletters')).toBeNull();
    expect(passwordProblem('жылы көктем келді')).toBeNull();
  });

  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('correct horse battery');
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(hash, 'correct horse batterY')).toBe(false);
    expect(await verifyPassword(null, 'anything at all')).toBe(false);
  });
});

describe('second factor', () => {
  it('accepts the current code and one step of drift, nothing older', () => {
    const secret = newTotpSecret();
    const now = Date.UTC(2026, 0, 1, 12, 0, 0);
    expect(verifyTotp(secret, currentTotp(secret, now), now)).toBe(true);
    expect(verifyTotp(secret, currentTotp(secret, now - 30_000), now)).toBe(true);
    expect(verifyTotp(secret, currentTotp(secret, now - 120_000), now)).toBe(false);
    expect(verifyTotp(secret, 'abcdef', now)).toBe(false);
    expect(verifyTotp(newTotpSecret(), currentTotp(secret, now), now)).toBe(false);
  });

  it('keeps secrets encrypted and detects tampering', () => {
    const secret = newTotpSecret();
    const stored = encryptSecret(secret);
    expect(stored).not.toContain(secret);
    expect(decryptSecret(stored)).toBe(secret);
    const parts = stored.split(':');
    parts[3] = Buffer.from('tampered').toString('base64');
    expect(() => decryptSecret(parts.join(':'))).toThrow();
  });

  it('makes ten distinct recovery codes, hashed the same however they are typed', () => {
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(hashRecoveryCode(` ${codes[0]?.toUpperCase()} `)).toBe(hashRecoveryCode(codes[0] as string));
  });
});

describe('policy table and scope', () => {
  it('lets an admin do everything, and keeps admin-only rights to admins', () => {
    for (const p of PERMISSIONS) expect(can('ADMIN', p), p).toBe(true);
    for (const p of ['users.manage', 'audit.read', 'tokens.manage', 'reference.manage'] as const) {
      expect(POLICY[p]).toEqual(['ADMIN']);
    }
    expect(can('ANALYST', 'records.write')).toBe(false);
    expect(can('MINISTRY_EDITOR', 'stats.regions')).toBe(false);
    expect(can('MANAGER', 'briefing.issue')).toBe(true);
  });

  it('never widens a scope it cannot derive', () => {
    expect(() => recordScope(editor({ regionId: null }))).toThrow();
    expect(() => meetingWhere({ role: 'MINISTRY_EDITOR', regionId: null, unitId: null, centralBodyId: null })).toThrow();
    expect(meetingWhere({ role: 'ANALYST', regionId: null, unitId: null, centralBodyId: null })).toEqual({ deletedAt: null });
    expect(meetingWhere(editor())).toEqual({ deletedAt: null, kind: 'AKIM', regionId: 7 });
  });

  it('checks one record against the scope', () => {
    expect(inScope(editor(), { kind: 'AKIM', regionId: 7 })).toBe(true);
    expect(inScope(editor(), { kind: 'AKIM', regionId: 8 })).toBe(false);
    expect(inScope(editor(), { kind: 'CENTRAL', regionId: 7, centralBodyId: 3 })).toBe(false);
    const unitEditor = editor({ unitId: 40 });
    expect(inScope(unitEditor, { kind: 'AKIM', regionId: 7, unitId: 40 })).toBe(true);
    expect(inScope(unitEditor, { kind: 'AKIM', regionId: 7, unitId: 41, unitParentId: 40 })).toBe(true);
    expect(inScope(unitEditor, { kind: 'AKIM', regionId: 7, unitId: 42, unitParentId: 39 })).toBe(false);
    const ministry = { role: 'MINISTRY_EDITOR' as const, regionId: null, unitId: null, centralBodyId: 3 };
    expect(inScope(ministry, { kind: 'CENTRAL', regionId: 7, centralBodyId: 3 })).toBe(true);
    expect(inScope(ministry, { kind: 'CENTRAL', regionId: 7, centralBodyId: 4 })).toBe(false);
  });
});
