/**
 * What the app knows before any draft opens: the lexicon of openers and the references, read from the
 * shipped report at build time (core/corpus/knowledge.ts, given by vite.config.ts as the module
 * `virtual:corpus-knowledge`). The report's documents themselves load with what needs them
 * (./corpusData.ts); the templates with the New draft dialog (templates.ts).
 */
import { openers, references as shipped } from 'virtual:corpus-knowledge';
import { lexiconOf } from '../core/lexicon/lexicon.ts';
import type { References } from '../core/references/types.ts';

export const lexicon = lexiconOf(openers);
export const references: References = shipped;
