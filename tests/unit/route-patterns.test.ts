import { describe, expect, it } from 'vitest';
import { pathOf, routePatterns } from '@/server/observability/route-patterns';

// The request log's path and the metrics' route label: no query string, and a bounded set of labels.

const manifest = {
  staticRoutes: [{ page: '/', regex: '^/(?:/)?$' }, { page: '/meetings', regex: '^/meetings(?:/)?$' }, { page: '/api/v1/imports', regex: '^/api/v1/imports(?:/)?$' }],
  dynamicRoutes: [
    { page: '/meetings/[id]', regex: '^/meetings/([^/]+?)(?:/)?$' },
    { page: '/api/v1/imports/[id]/commit', regex: '^/api/v1/imports/([^/]+?)/commit(?:/)?$' },
    { page: '/api/auth/[...nextauth]', regex: '^/api/auth/(.+?)(?:/)?$' },
  ],
};

describe('routePatterns', () => {
  const routeOf = routePatterns(manifest, ['/favicon.svg', '/robots.txt']);
  it('names a path by its route pattern, never by its ids', () => {
    expect(routeOf('/')).toBe('/');
    expect(routeOf('/meetings/')).toBe('/meetings');
    expect(routeOf('/meetings/123')).toBe('/meetings/[id]');
    expect(routeOf('/api/v1/imports/0b5e2c1a-1111-4222-8333-444455556666/commit')).toBe('/api/v1/imports/[id]/commit');
    expect(routeOf('/api/auth/callback/credentials')).toBe('/api/auth/[...nextauth]');
    expect(routeOf('/robots.txt')).toBe('/robots.txt');
  });

  it('folds Next assets and unknown paths into a few labels', () => {
    expect(routeOf('/_next/static/chunks/abc123.js')).toBe('/_next/static');
    expect(routeOf('/_next/image')).toBe('/_next/*');
    expect(new Set(Array.from({ length: 50 }, (_, i) => routeOf(`/no-such-page-${i}/x`)))).toEqual(new Set(['unmatched']));
  });
});

describe('pathOf', () => {
  it('drops the query string and fragment, which may carry personal text', () => {
    expect(pathOf('/api/v1/meetings?q=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2')).toBe('/api/v1/meetings');
    expect(pathOf('/signin?callbackUrl=%2Fissues%2F5#top')).toBe('/signin');
    expect(pathOf('http://example.kz/issues/5?x=1')).toBe('/issues/5');
    expect(pathOf(undefined)).toBe('/');
    expect(pathOf(`/${'a'.repeat(500)}`)).toHaveLength(200);
  });
});
