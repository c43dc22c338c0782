/// <reference types="vite/client" />

/** The shipped report's openers and references, read at build time (vite.config.ts). */
// An ambient module may not import by relative path, so its types are named by import() types.
/* eslint-disable @typescript-eslint/consistent-type-imports */
declare module 'virtual:corpus-openers' {
  export const openers: readonly import('./core/lexicon/lexicon.ts').LexiconEntry[];
}
declare module 'virtual:corpus-references' {
  export const references: import('./core/references/types.ts').References;
}
/* eslint-enable @typescript-eslint/consistent-type-imports */
