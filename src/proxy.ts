import { NextResponse, type NextRequest } from 'next/server';

// A first filter only: security headers with a per-request CSP nonce, and a redirect to
// sign-in for page requests without a session cookie. Every real access decision is made
// again in the data layer (server/access), so bypassing this file grants nothing.

const PUBLIC_PAGES = ['/signin', '/forbidden'];
const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

function contentSecurityPolicy(nonce: string, https: boolean): string {
  const dev = process.env.NODE_ENV === 'development';
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const https = request.nextUrl.protocol === 'https:' || request.headers.get('x-forwarded-proto') === 'https';
  const isPage = !pathname.startsWith('/api/');
  const signedIn = SESSION_COOKIES.some((name) => request.cookies.has(name));

  if (isPage && request.method === 'GET' && !signedIn && !PUBLIC_PAGES.includes(pathname)) {
    const url = request.nextUrl.clone();
    url.pathname = '/signin';
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return withSecurityHeaders(NextResponse.redirect(url), null, https);
  }

  const nonce = btoa(crypto.randomUUID());
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('x-kz-path', pathname + search);
  // API tokens are for /api/v1 alone: a page never sees one (getCaller ignores it as well).
  if (!pathname.startsWith('/api/v1/')) requestHeaders.delete('authorization');
  const csp = contentSecurityPolicy(nonce, https);
  requestHeaders.set('Content-Security-Policy', csp);
  return withSecurityHeaders(NextResponse.next({ request: { headers: requestHeaders } }), csp, https);
}

function withSecurityHeaders(response: NextResponse, csp: string | null, https: boolean): NextResponse {
  if (csp) response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Content-Type-Options', 'nosniff');
  response.headers.set('Referrer-Policy', 'same-origin');
  response.headers.set('X-Frame-Options', 'DENY');
  response.headers.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  if (https) response.headers.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  return response;
}

export const config = {
  // Files in public/ are served to anyone: the sign-in page needs the icons too.
  matcher: ['/((?!_next/static|_next/image|favicon.ico|favicon.svg|icon-|apple-touch-icon.png|manifest.webmanifest|robots.txt).*)'],
};
