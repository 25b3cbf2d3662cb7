import { beforeEach, describe, expect, it, vi } from 'vitest';

// The reader's language is remembered: the switcher's action stores it in a long-lived cookie,
// and every request reads it back (Russian when it is absent or unknown).

const jar = new Map<string, { value: string; options?: Record<string, unknown> }>();
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)!.value } : undefined),
    set: (name: string, value: string, options?: Record<string, unknown>) => { jar.set(name, { value, options }); },
  }),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next-intl/server', () => ({ getRequestConfig: (f: unknown) => f }));

const { setLocale } = await import('@/i18n/actions');
const requestConfig = (await import('@/i18n/request')).default as unknown as () => Promise<{ locale: string; messages: Record<string, unknown> }>;
const form = (locale: string) => { const f = new FormData(); f.set('locale', locale); return f; };

describe('the language choice', () => {
  beforeEach(() => jar.clear());

  it('is stored in NEXT_LOCALE for a year, for the whole site', async () => {
    await setLocale(form('kk'));
    const cookie = jar.get('NEXT_LOCALE');
    expect(cookie?.value).toBe('kk');
    expect(cookie?.options).toMatchObject({ path: '/', sameSite: 'lax' });
    expect(Number(cookie?.options?.maxAge)).toBeGreaterThanOrEqual(60 * 60 * 24 * 365);
  });

  it('ignores a language the app does not have', async () => {
    await setLocale(form('de'));
    expect(jar.has('NEXT_LOCALE')).toBe(false);
  });

  it('is read back by every request, Russian otherwise', async () => {
    expect((await requestConfig()).locale).toBe('ru');
    await setLocale(form('en'));
    const config = await requestConfig();
    expect(config.locale).toBe('en');
    expect((config.messages.nav as Record<string, string>).overview).toBe('Overview');
    jar.set('NEXT_LOCALE', { value: 'xx' });
    expect((await requestConfig()).locale).toBe('ru');
  });
});
