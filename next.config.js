import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./src/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite ships WebAssembly that the bundler must not touch; it only runs in scripts anyway.
  // pdfkit and exceljs read their own data files at run time (fonts metrics, templates): loaded from node_modules, not bundled.
  serverExternalPackages: ['@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg', 'pdfkit', 'exceljs'],
  poweredByHeader: false,
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
