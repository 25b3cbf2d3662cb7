// The metrics' route label: the app's route pattern (`/meetings/[id]`), never the raw path, so the
// number of series stays that of the app's routes. Read from Next's routes manifest of the build.

type ManifestRoute = { page: string; regex: string };
export type RoutesManifest = { staticRoutes?: ManifestRoute[]; dynamicRoutes?: ManifestRoute[] };

/** A label for every path: a route's pattern, a file of public/ by its path, `/_next/static`, `/_next/*`, or `unmatched`. */
export function routePatterns(manifest: RoutesManifest, publicFiles: readonly string[] = []): (pathname: string) => string {
  const statics = new Set([...(manifest.staticRoutes ?? []).map((r) => r.page), ...publicFiles]);
  const dynamics = (manifest.dynamicRoutes ?? []).map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (pathname) => {
    if (pathname.startsWith('/_next/static/')) return '/_next/static';
    if (pathname.startsWith('/_next/')) return '/_next/*';
    const trimmed = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
    if (statics.has(trimmed)) return trimmed;
    return dynamics.find((r) => r.regex.test(pathname))?.page ?? 'unmatched';
  };
}

/** The path of a request's target, without its query string (which may carry personal text), at most 200 characters. */
export function pathOf(url: string | undefined): string {
  let target = url ?? '/';
  if (!target.startsWith('/')) {
    try {
      target = new URL(target).pathname; // absolute-form, as proxies may send
    } catch {
      return '/';
    }
  }
  const end = target.search(/[?#]/);
  return (end < 0 ? target : target.slice(0, end)).slice(0, 200);
}
