import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

/** Imports the pure core may never use: it runs in workers, Node and tests without a DOM. */
const coreBannedImports = [
  { group: ['svelte', 'svelte/*'], message: 'core is pure TypeScript: no Svelte.' },
  {
    group: ['papaparse', 'xlsx', 'chart.js', 'chart.js/*', 'chartjs-*', 'idb'],
    message: 'core may not use parsers, charts or storage: do that in io or charts.',
  },
  {
    group: ['node:*', 'fs', 'path', 'os', 'child_process'],
    message: 'core runs in the browser too: no Node modules.',
  },
  {
    group: [
      '**/io/**',
      '**/ui/**',
      '**/state/**',
      '**/charts/**',
      '**/i18n/**',
      '$lib/io/*',
      '$lib/ui/*',
    ],
    message: 'core depends on nothing outside core.',
  },
];

export default ts.config(
  { ignores: ['dist/', 'node_modules/', 'coverage/', 'public/', 'tests/fixtures/', 'bench/out/'] },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  },
  {
    files: ['src/lib/core/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: coreBannedImports }],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'indexedDB',
        'fetch',
        'process',
        'Buffer',
      ],
    },
  },
);
