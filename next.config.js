import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly that the bundler must not touch; it only runs in scripts anyway.
  // pdfkit and exceljs read their own data files at run time (fonts metrics, templates): loaded from node_modules, not bundled.
  // prom-client: one copy in the process, shared by the app's server and the route handlers (observability/metrics.ts).
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'pdfkit', 'exceljs', 'unzipper', 'prom-client'],
  experimental: {
    // proxy.ts matches every route, so Next buffers each request's body for it, by default only its
    // first 10 MB: an import of up to 20 MB (MAX_FILE_BYTES, import/limits.ts) and its multipart framing
    // must reach the route whole. A larger body is cut here but still refused with 413 by the route.
    proxyClientMaxBodySize: '22mb',
  },
  // The briefing's PDF fonts are read at run time (render-pdf.ts); named here so a traced output carries them.
  outputFileTracingIncludes: {
    '/**': ['./node_modules/@expo-google-fonts/noto-sans/400Regular/*.ttf', './node_modules/@expo-google-fonts/noto-sans/700Bold/*.ttf'],
  },
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
