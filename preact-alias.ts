import type { Alias } from 'vite';

/**
 * The app's components are written against React's API and run on Preact (`preact/compat`), for
 * the first screen's size (issue 16: 180 KB of JavaScript at most, gzipped). React 19's DOM renderer
 * is about 57 KB gzipped, Preact with its compatibility layer about 9; Lexical's own 57 KB and the
 * app's code have to fit beside it. The React bindings of Lexical (`@lexical/react`) run on it
 * unchanged. Used by the build (vite.config.ts) and the tests (vitest.config.ts), so that what is
 * tested is what ships; the benchmark's bare Lexical page (bench/bare) stays on React, as the
 * reference it was.
 */
export const reactAsPreact: Alias[] = [
  { find: /^react$/, replacement: 'preact/compat' },
  { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
  { find: /^react-dom$/, replacement: 'preact/compat' },
  { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
  { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
];
