import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { config } from '@/proxy';

const publicDir = path.resolve('public');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const buf = fs.readFileSync(path.join(publicDir, file));
  expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [buf.readUInt32BE(16), buf.readUInt32BE(20)];
}

describe('public/', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(publicDir, 'manifest.webmanifest'), 'utf8')) as {
    name: string; short_name: string; lang: string; icons: { src: string; sizes: string; type: string }[];
  };

  it('has a Russian web app manifest with a name, a short name and icons that exist at their stated sizes', () => {
    expect(manifest.lang).toBe('ru');
    expect(manifest.name).toMatch(/Kezdesu/);
    expect(manifest.short_name).toBe('Kezdesu');
    for (const icon of manifest.icons) {
      expect(fs.existsSync(path.join(publicDir, icon.src))).toBe(true);
      if (icon.type === 'image/png') expect(pngSize(icon.src).join('x')).toBe(icon.sizes);
    }
    expect(manifest.icons.some((i) => i.sizes === '512x512')).toBe(true);
  });

  it('keeps every crawler off the whole site', () => {
    const robots = fs.readFileSync(path.join(publicDir, 'robots.txt'), 'utf8');
    expect(robots).toMatch(/^User-agent: \*$/m);
    expect(robots).toMatch(/^Disallow: \/$/m);
  });

  it('serves its files without a session, while pages still go through the proxy', () => {
    const matchers = config.matcher.map((m) => new RegExp(`^${m}$`));
    const proxied = (p: string) => matchers.some((m) => m.test(p));
    for (const file of fs.readdirSync(publicDir)) expect(proxied(`/${file}`), file).toBe(false);
    for (const page of ['/', '/regions', '/signin', '/api/v1/health', '/icons-page']) expect(proxied(page), page).toBe(true);
  });
});
