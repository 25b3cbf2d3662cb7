// Issue 14, finding #3: sign-in sends the user back only to a path of this site, decided by
// parsing the URL as a browser would, and never answers with a 500.
import { describe, expect, it } from 'vitest';
import { safeCallback } from '@/features/auth/callback';

describe('#3 safeCallback', () => {
  it('keeps paths of the site', () => {
    for (const path of ['/', '/meetings?period=2022&region=150000000', '/issues/12#history', '/regions/150000000']) {
      expect(safeCallback(path)).toBe(path);
      expect(safeCallback(path, 'https://kezdesu.example.kz')).toBe(path);
    }
  });

  it('sends everything that could leave the site to /', () => {
    const hostile = [
      '/\t/evil.example', '/%09/evil.example'.replace('%09', '\t'), '/\n/evil.example', '/\r\n/evil.example',
      '//evil.example', '/\\evil.example', '/\\/evil.example', '\\\\evil.example', '///evil.example',
      'https://evil.example/', 'http://localhost:3000/', 'javascript:alert(1)', 'data:text/html,x', 'evil.example',
      '/./\\evil.example', '/.//evil.example', ' /x', '', null, undefined,
    ];
    for (const url of hostile) expect(safeCallback(url), JSON.stringify(url)).toBe('/');
  });

  it('never throws, whatever it gets', () => {
    for (const url of ['/%', '/%E0%A4', `/${'a'.repeat(10_000)}`, ['/a', '/b'] as unknown as string, 42 as unknown as string]) {
      expect(() => safeCallback(url)).not.toThrow();
    }
    expect(safeCallback('/x', 'not a url')).toBe('/');
  });
});
