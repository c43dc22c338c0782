/**
 * Opener suggestions for the editor's completion menu: at the start of a preambular paragraph the
 * preambular openers, at the start of an operative paragraph the operative verbs, ranked by use in the
 * corpus, with the also/further form of the sequence rule first when it applies (UN practice:
 * the also/further rule). The rule lives here, not in the UI (ARCHITECTURE.md convention 5).
 *
 * A lookup scans the part's precomputed rows (lexicon.ts) with `startsWith` on lower-case keys; the rows
 * are already in rank order, so nothing is sorted per keystroke.
 */
import type { Lexicon, OpenerSource } from './lexicon.ts';
import { openerKey } from './lexicon.ts';
import { decomposeOpener, nextOpener } from './sequence.ts';
import type { OpenerPart } from './sequence.ts';

export interface OpenerSuggestion {
  readonly phrase: string;
  readonly count: number;
  readonly sources: readonly OpenerSource[];
  readonly fromCorpus: boolean;
  /** 'sequence': the also/further form the rule asks for here; otherwise where the entry comes from. */
  readonly reason: 'sequence' | 'corpus' | 'supplementary';
}

export interface OpenerQuery {
  readonly part: OpenerPart;
  /** What the user has typed at the start of the paragraph; '' for the whole list. */
  readonly typed: string;
  /** The openers of the same part's paragraphs before the cursor, in order ('' where none). */
  readonly previousOpeners: readonly string[];
  /** At most this many suggestions; defaults to `DEFAULT_SUGGESTION_LIMIT`. */
  readonly limit?: number;
}

export const DEFAULT_SUGGESTION_LIMIT = 10;

const NO_SOURCES: readonly OpenerSource[] = Object.freeze([]);

/**
 * Suggestions for `typed`, matched case-insensitively as a prefix of an entry's phrase or of its base
 * ("Req" matches "Requests" and so "Also requests"). When the paragraph before the cursor opens with a
 * base that `typed` matches, the form `nextOpener` asks for comes first ("Also requests" after
 * "Requests", "Further requests" after "Also requests", "Recalling also" after "Recalling"), even if
 * the corpus uses it less, or not at all (then count 0, no sources). The rest follow by count. An empty
 * `typed` lists the part's most used openers with no sequence suggestion.
 */
export function suggestOpeners(lexicon: Lexicon, query: OpenerQuery): readonly OpenerSuggestion[] {
  const limit = query.limit ?? DEFAULT_SUGGESTION_LIMIT;
  if (!Number.isInteger(limit) || limit < 0) {
    throw new Error(`suggestOpeners: limit must be a non-negative integer, got ${String(query.limit)}`);
  }
  const out: OpenerSuggestion[] = [];
  if (limit === 0) return out;

  const { part, previousOpeners } = query;
  const index = lexicon.index[part];
  // Leading blanks are ignored; a trailing blank is kept, since "Req " has ended the word.
  const typed = query.typed.replace(/\s+/g, ' ').trimStart().toLowerCase();

  let sequenceKey = '';
  if (typed !== '') {
    const previous = previousOpeners[previousOpeners.length - 1] ?? '';
    const previousBase = openerKey(decomposeOpener(previous).base);
    if (previousBase !== '') {
      const wanted = nextOpener(previousOpeners, previous, part);
      const wantedKey = openerKey(wanted);
      if (previousBase.startsWith(typed) || wantedKey.startsWith(typed)) {
        sequenceKey = wantedKey;
        const row = index.byPhrase.get(wantedKey);
        out.push(
          row
            ? {
                phrase: row.entry.phrase,
                count: row.entry.count,
                sources: row.entry.sources,
                fromCorpus: row.entry.fromCorpus,
                reason: 'sequence',
              }
            : { phrase: wanted, count: 0, sources: NO_SOURCES, fromCorpus: false, reason: 'sequence' },
        );
      }
    }
  }

  for (const row of index.rows) {
    if (out.length >= limit) break;
    if (row.phraseKey === sequenceKey) continue;
    if (typed !== '' && !row.phraseKey.startsWith(typed) && !row.baseKey.startsWith(typed)) continue;
    const { phrase, count, sources, fromCorpus } = row.entry;
    out.push({ phrase, count, sources, fromCorpus, reason: fromCorpus ? 'corpus' : 'supplementary' });
  }
  return out;
}
