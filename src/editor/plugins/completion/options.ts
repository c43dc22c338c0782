/**
 * What one line of the completion menu shows and what choosing it does, built from the suggestions
 * of core/lexicon and core/references (ARCHITECTURE.md convention 5: the data and its ranking come
 * from there; this file only words them for the menu).
 */
import type { CompletionReference } from '../../../core/library/completion-data.ts';
import type { OpenerSource } from '../../../core/lexicon/lexicon.ts';
import type { OpenerSuggestion } from '../../../core/lexicon/query.ts';

export type CompletionAction =
  | { readonly kind: 'opener'; readonly phrase: string }
  | { readonly kind: 'reference'; readonly suggestion: CompletionReference };

export interface CompletionOption {
  /** Stable within one list (React key). */
  readonly key: string;
  /** The text that choosing the option writes: the opener, the title with its article, the citation. */
  readonly label: string;
  /** Openers: how often the corpus uses it, "8×". */
  readonly count?: string;
  /**
   * Where the opener is used ("6/1 OP4, 6/1 OP7, 6/1 OP13 …", or from the library "used 412 times by
   * the Assembly · A/RES/80/12 OP3, …") or "not in the corpus"; the footnote a title brings; the act's
   * title; the document's description.
   */
  readonly detail?: string;
  /** Why the option is there or what it is: "also/further", "first mention", "short title", "resolution", "document". */
  readonly tag?: string;
  readonly action: CompletionAction;
}

/** Uses shown before the list is cut with "…". */
export const SOURCES_SHOWN = 3;

/** "6/1 OP4, 6/1 OP7, 6/1 OP13 …": the first uses, as delegates cite them (UN practice: how drafts travel). */
export function formatSources(sources: readonly OpenerSource[], shown: number = SOURCES_SHOWN): string {
  const labels = sources.slice(0, shown).map((s) => s.label);
  return sources.length > shown ? `${labels.join(', ')} …` : labels.join(', ');
}

/**
 * The openers' options. `provenance`, when the library ranks them, says where each is used ("used 412
 * times by the Assembly · A/RES/80/12 OP3"); without it, the report's uses are listed.
 */
export function openerOptions(
  suggestions: readonly OpenerSuggestion[],
  provenance?: (suggestion: OpenerSuggestion) => string,
): CompletionOption[] {
  return suggestions.map((s) => ({
    key: `opener:${s.phrase}`,
    label: s.phrase,
    count: `${s.count}×`,
    detail: provenance ? provenance(s) : s.fromCorpus ? formatSources(s.sources) : 'not in the corpus',
    // The form the also/further rule asks for here (a repeated opener takes "Also" or "Further").
    ...(s.reason === 'sequence' ? { tag: 'also/further' } : {}),
    action: { kind: 'opener', phrase: s.phrase },
  }));
}

export function referenceOptions(suggestions: readonly CompletionReference[]): CompletionOption[] {
  return suggestions.map((s): CompletionOption => {
    const action = { kind: 'reference', suggestion: s } as const;
    if (s.kind === 'library-instrument') {
      // An instrument the library cites: its source is footnoted at the first mention (section 3).
      return {
        key: `library-instrument:${s.key}:${s.firstMention ? 'first' : 'again'}`,
        label: s.insert,
        ...(s.detail === undefined ? {} : { detail: s.firstMention ? `Footnote: ${s.detail}` : s.detail }),
        tag: s.firstMention ? 'first mention' : 'instrument',
        action,
      };
    }
    if (s.kind === 'instrument') {
      if (s.firstMention) {
        return {
          key: `instrument:${s.id}:first`,
          label: s.insert,
          // The source, as the footnote added with the title will give it (section 3).
          ...(s.footnote === undefined || s.detail === undefined ? {} : { detail: `Footnote: ${s.detail}` }),
          tag: 'first mention',
          action,
        };
      }
      return {
        key: `instrument:${s.id}:${s.label}`,
        label: s.insert,
        ...(s.detail === undefined ? {} : { detail: s.detail }),
        tag: 'short title',
        action,
      };
    }
    if (s.kind === 'act') {
      return {
        key: `act:${s.act.organ}:${s.act.kind}:${s.act.number}:${s.withTitle ? 'title' : 'plain'}`,
        label: s.insert,
        ...(s.detail === undefined ? {} : { detail: s.detail }),
        tag: s.act.kind,
        action,
      };
    }
    return {
      key: `document:${s.document.symbol}`,
      label: s.insert,
      ...(s.detail === undefined ? {} : { detail: s.detail }),
      tag: 'document',
      action,
    };
  });
}
