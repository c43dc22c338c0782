import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import lexical from '@lexical/eslint-plugin';
import globals from 'globals';

export default tseslint.config(
  {
    ignores: [
      'dist',
      'node_modules',
      'test-results',
      'playwright-report',
      'blob-report',
      '.bench',
      'corpus',
      '.scratch',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/editor/**/*.{ts,tsx}', 'src/ui/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}'],
    ...lexical.configs.recommended,
  },
  {
    files: ['src/**/*.tsx', 'src/ui/**/*.ts', 'src/editor/**/*.ts'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // ARCHITECTURE.md convention 1: the core is framework-free, so it runs in Node, a worker and the browser.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'react',
              message: 'src/core must not import React (ARCHITECTURE.md: a framework-free core).',
            },
            {
              name: 'react-dom',
              message: 'src/core must not import React (ARCHITECTURE.md: a framework-free core).',
            },
            {
              name: 'lexical',
              message: 'src/core must not import Lexical (ARCHITECTURE.md: a framework-free core).',
            },
          ],
          patterns: [
            {
              group: ['@lexical/*', 'react/*', 'react-dom/*'],
              message: 'src/core must stay free of React and Lexical.',
            },
            {
              group: ['node:*', 'fs', 'path'],
              message: 'src/core runs in the browser too: read files in src/cli.',
            },
            {
              group: ['**/editor/**', '**/ui/**', '**/storage/**', '**/cli/**'],
              message: 'Dependencies point ui → editor → core, never back.',
            },
          ],
        },
      ],
    },
  },
);
