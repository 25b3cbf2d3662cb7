// Where sign-in sends the user afterwards: a path of this site only, decided by parsing it as a
// browser would, against the site's origin. Anything else (other hosts, `//host`, `/\host`,
// tabs and line breaks that browsers drop, absolute URLs, schemes) is `/`.

const PLACEHOLDER_ORIGIN = 'http://kezdesu.invalid';

export function safeCallback(url: string | null | undefined, origin: string = PLACEHOLDER_ORIGIN): string {
  // Browsers delete tabs and line breaks from URLs, which turns `/\t/evil` into `//evil`; a line break in a Location header is a 500.
  if (typeof url !== 'string' || !url.startsWith('/') || /[\u0000-\u001f\u007f\\]/.test(url)) return '/';
  let parsed: URL;
  let base: URL;
  try {
    base = new URL(origin);
    parsed = new URL(url, base);
  } catch {
    return '/';
  }
  if (parsed.origin !== base.origin) return '/';
  const path = `${parsed.pathname}${parsed.search}${parsed.hash}`;
  // A path that normalises to `//host` would leave the site once written into a Location header.
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
