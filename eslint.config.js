import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { readdirSync } from 'node:fs';

// Imports flow one way: app → features → server / lib / components, and no feature imports
// another. What several features need lives below them; pages in app/ compose features.
const features = readdirSync('src/features', { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const layerZones = [
  { target: './src/features', from: './src/app', message: 'features never import app/: pages compose features.' },
  ...['server', 'lib', 'components', 'i18n'].map((layer) => ({
    target: `./src/${layer}`, from: ['./src/app', './src/features'], message: `src/${layer} sits below features and app/: move what it needs down.`,
  })),
  { target: './src/lib', from: ['./src/server', './src/components'], message: 'src/lib is plain code with no server or UI dependency.' },
  ...features.map((f) => ({
    target: `./src/features/${f}`, from: './src/features', except: [`./${f}`],
    message: 'a feature never imports another feature: move the shared part to src/server, src/lib or src/components, or compose both in the page.',
  })),
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores(['.next/**', 'node_modules/**', 'src/generated/**', 'data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: {
      'import/no-cycle': ['error', { ignoreExternal: true }],
      'import/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    // Pages link with plain anchors on purpose until client navigation is needed.
    files: ['src/app/**/*.tsx'],
    rules: { '@next/next/no-html-link-for-pages': 'off' },
  },
]);
