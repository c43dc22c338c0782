/**
 * What the editor knows before any draft opens: the lexicon of openers, read from the shipped report
 * at build time (core/corpus/knowledge.ts, given by vite.config.ts as the module
 * `virtual:corpus-openers`). The references are ./references.ts, for what loads after the first
 * screen; the report's documents themselves load with what needs them (./corpusData.ts); the
 * templates with the New draft dialog (templates.ts).
 */
import { openers } from 'virtual:corpus-openers';
import { lexiconOf } from '../core/lexicon/lexicon.ts';

export const lexicon = lexiconOf(openers);
