/**
 * The completion menu's behaviour, without its rendering (CompletionPlugin.tsx draws it): after every
 * keystroke, what is being typed at the caret and what to offer; arrows, Enter, Tab and Escape while
 * it is open; what choosing writes (insert.ts).
 *
 * - At the start of a preambular or operative paragraph: openers, ranked by the corpus, the
 *   also/further form first where the sequence rule asks for it (core/lexicon/query.ts,
 *   UN practice: the also/further rule).
 * - Elsewhere: instruments, acts and documents (core/references/lookup.ts, sections 3-4), with the
 *   instruments the draft already mentions taking their short title.
 * - Once the library has loaded (issue 13, item 4; asked for the first time the menu opens, see
 *   libraryStore.ts): openers ranked by the use of the draft's own body, acts dated and titled by the
 *   library, and the instruments it cites with their sources (core/library/completion-data.ts). A menu
 *   open when it arrives is filled again in place.
 *
 * The menu opens only when text changes (typing, not moving the caret with the arrows, which would
 * then be taken by the menu), closes when the caret leaves what was typed, and stays closed after
 * Escape until a new word is started.
 */
import {
  $addUpdateTag,
  $getRoot,
  $isElementNode,
  BLUR_COMMAND,
  COLLABORATION_TAG,
  COMMAND_PRIORITY_HIGH,
  KEY_ARROW_DOWN_COMMAND,
  KEY_ARROW_UP_COMMAND,
  KEY_ENTER_COMMAND,
  KEY_ESCAPE_COMMAND,
  KEY_TAB_COMMAND,
  mergeRegister,
  type EditorState,
  type LexicalEditor,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { LibraryCompletion } from '../../../core/library/completion-data.ts';
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import { suggestOpeners } from '../../../core/lexicon/query.ts';
import type { OpenerPart } from '../../../core/lexicon/sequence.ts';
import type { InstrumentId } from '../../../core/references/instruments.ts';
import type { SuggestionContext } from '../../../core/references/lookup.ts';
import type { References } from '../../../core/references/types.ts';
import { $isFootnotesNode } from '../../nodes/FootnotesNode.ts';
import { $isReferenceNode } from '../../nodes/ReferenceNode.ts';
import { $caretTargets, type OpenerTarget } from './caret.ts';
import { CHOOSE_COMPLETION_COMMAND, HIGHLIGHT_COMPLETION_COMMAND } from './commands.ts';
import { $insertOpener, $insertReference, type ReferencePlace } from './insert.ts';
import type { LibraryCompletionStore } from './libraryStore.ts';
import { mentionedInstruments } from './mentions.ts';
import { openerOptions, referenceOptions, type CompletionOption } from './options.ts';
import { matchReference, openerQuery } from './trigger.ts';
import { createPauseDebounce } from '../../pauseSchedule.ts';

/** The tag of the update that writes a chosen option: the menu does not reopen on it. */
export const COMPLETION_INSERT_TAG = 'completion-insert';

export type CompletionMode = 'opener' | 'reference';

export type CompletionState =
  | { readonly open: false }
  | {
      readonly open: true;
      readonly mode: CompletionMode;
      /** The part whose openers are offered; null for references. */
      readonly part: OpenerPart | null;
      readonly typed: string;
      /** Never empty. */
      readonly options: readonly CompletionOption[];
      readonly selected: number;
      /** Where the typed words start, to place the menu: a text node and an offset in it. */
      readonly anchorKey: NodeKey;
      readonly start: number;
    };

export const CLOSED_COMPLETION: CompletionState = Object.freeze({ open: false });

export interface CompletionDependencies {
  readonly lexicon: Lexicon;
  readonly references: References;
  /** Called with every new state (never twice with the same object). */
  readonly onChange?: (state: CompletionState) => void;
  /** How long after the last edit the draft is scanned again for mentioned instruments; 0 scans at once. */
  readonly mentionsDelayMs?: number;
  /** At most this many options (default 10). */
  readonly limit?: number;
  /** The library's completion, asked for when the menu first opens; absent: the report's alone. */
  readonly library?: LibraryCompletionStore;
  /** The draft's organ (`document.organ`): whose openers rank first, whose acts are "its". */
  readonly organ?: string;
}

export const DEFAULT_MENTIONS_DELAY_MS = 300;

type Active =
  | { readonly mode: 'opener'; readonly target: OpenerTarget }
  | { readonly mode: 'reference'; readonly place: ReferencePlace };

interface Found {
  readonly active: Active;
  readonly state: Extract<CompletionState, { open: true }>;
  /** Same place, same words typed: the menu keeps its highlighted option. */
  readonly identity: string;
  /** Same place where the typed words start: what Escape dismisses. */
  readonly place: string;
}

/** What one block of the draft mentions, and the nodes it was read from. */
interface BlockMentions {
  /** The block and every node under it, in document order, as they were when read. */
  readonly nodes: readonly LexicalNode[];
  /** Instruments whose full title the block gives. */
  readonly mentioned: ReadonlySet<InstrumentId>;
  /** Every instrument it names, the Protocols of a group mention included (mentions.ts). */
  readonly introduced: ReadonlySet<InstrumentId>;
  /** The library's instruments it mentions (their keys). */
  readonly titles: readonly string[];
}

/** What the draft mentions: the report's instruments by id, the library's by key. */
export interface DraftMentions {
  readonly mentioned: Set<InstrumentId>;
  readonly titles: Set<string>;
}

/**
 * Per block (a child of the root), what it mentions, kept between scans so that a scan reads again
 * only the blocks that changed: a scan of a long draft after each pause in typing must not cost the
 * whole draft's text (issue 3, "Speed"). A block is unchanged when every node under it is the same
 * object as at the last read: Lexical copies a node whenever it is written, so an edit anywhere in
 * a block (text typed, a run added, a reference marked) gives it a new node, and a block whose nodes
 * are all the same still says the same. Checking that walks the nodes, not the text.
 */
export type MentionCache = Map<NodeKey, BlockMentions>;

function $subtree(block: LexicalNode): LexicalNode[] {
  const out: LexicalNode[] = [];
  const visit = (node: LexicalNode): void => {
    out.push(node);
    if ($isElementNode(node))
      for (let child = node.getFirstChild(); child !== null; child = child.getNextSibling()) visit(child);
  };
  visit(block);
  return out;
}

function sameNodes(a: readonly LexicalNode[], b: readonly LexicalNode[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The instruments whose full title the draft gives: the body's text (footnotes aside) and its marked
 * references, block by block (a title is not looked for across two paragraphs). With `cache`, only the
 * blocks changed since the last call are read again. `introduced`, when given, receives every
 * instrument the draft names, the Protocols of a group mention included (mentions.ts).
 */
export function $mentionedInDraft(
  references: References,
  cache: MentionCache = new Map(),
  introduced?: Set<InstrumentId>,
): Set<InstrumentId> {
  return $mentionsInDraft(references, null, cache, introduced).mentioned;
}

/**
 * `$mentionedInDraft`, and the library's instruments the draft mentions: their titles in the text, or
 * references the editor marked with their key. A cache must be read with one library throughout.
 */
export function $mentionsInDraft(
  references: References,
  library: LibraryCompletion | null,
  cache: MentionCache = new Map(),
  introduced?: Set<InstrumentId>,
): DraftMentions {
  const out = new Set<InstrumentId>();
  const titles = new Set<string>();
  const seen = new Set<NodeKey>();
  for (const block of $getRoot().getChildren()) {
    if ($isFootnotesNode(block)) continue;
    const key = block.getKey();
    seen.add(key);
    const nodes = $subtree(block);
    let entry = cache.get(key);
    if (entry === undefined || !sameNodes(entry.nodes, nodes)) {
      const ids: string[] = [];
      for (const node of nodes)
        if ($isReferenceNode(node) && node.getRefKind() === 'instrument') ids.push(node.getRefId());
      const named = new Set<InstrumentId>();
      const text = block.getTextContent();
      entry = {
        nodes,
        mentioned: mentionedInstruments(references, text, ids, named),
        introduced: named,
        titles: library === null ? [] : [...library.mentionedIn(text), ...ids],
      };
      cache.set(key, entry);
    }
    for (const id of entry.mentioned) out.add(id);
    for (const id of entry.introduced) introduced?.add(id);
    for (const title of entry.titles) titles.add(title);
  }
  for (const key of cache.keys()) if (!seen.has(key)) cache.delete(key);
  return { mentioned: out, titles };
}

export function registerCompletion(editor: LexicalEditor, deps: CompletionDependencies): () => void {
  const { lexicon, references, limit, organ } = deps;
  const delay = deps.mentionsDelayMs ?? DEFAULT_MENTIONS_DELAY_MS;
  let state: CompletionState = CLOSED_COMPLETION;
  let current: Found | null = null;
  let dismissed: string | null = null;
  let library = deps.library?.get() ?? null;
  const mentionCache: MentionCache = new Map();
  let introduced = new Set<InstrumentId>();
  let { mentioned, titles } = editor
    .getEditorState()
    .read(() => $mentionsInDraft(references, library, mentionCache, introduced));
  let mentionsVersion = 0;
  /** The last update typed (rather than moved the caret or wrote a chosen option). */
  let typedLast = false;

  const publish = (next: CompletionState): void => {
    if (next === state) return;
    state = next;
    deps.onChange?.(next);
  };
  const close = (): void => {
    current = null;
    publish(CLOSED_COMPLETION);
  };
  const setMentioned = (next: DraftMentions, nextIntroduced: Set<InstrumentId>): void => {
    mentioned = next.mentioned;
    titles = next.titles;
    introduced = nextIntroduced;
    mentionsVersion++;
  };
  const rescanMentions = (): void => {
    const named = new Set<InstrumentId>();
    setMentioned(
      editor.getEditorState().read(() => $mentionsInDraft(references, library, mentionCache, named)),
      named,
    );
  };
  // Once typing pauses: one timer for a burst of keys, not one per key.
  const mentionsPause = createPauseDebounce(rescanMentions, delay);
  const scheduleMentions = (): void => {
    if (delay <= 0) rescanMentions();
    else mentionsPause.changed();
  };

  const $find = (): Found | null => {
    const targets = $caretTargets();
    if (targets === null) return null;
    const { opener, reference } = targets;
    if (opener !== null) {
      const typed = openerQuery(opener.leading);
      if (typed !== null) {
        const openers = library?.openers(organ) ?? null;
        const suggestions = suggestOpeners(openers?.lexicon ?? lexicon, {
          part: opener.part,
          typed,
          previousOpeners: opener.previousOpeners,
          ...(limit === undefined ? {} : { limit }),
        });
        if (suggestions.length > 0) {
          const place = `opener:${opener.paragraphKey}`;
          return {
            active: { mode: 'opener', target: opener },
            place,
            identity: `${place}:${opener.startKey}:${typed}:${opener.previousOpeners.join('|')}`,
            state: {
              open: true,
              mode: 'opener',
              part: opener.part,
              typed,
              options: openerOptions(
                suggestions,
                openers === null ? undefined : (s) => openers.detail(s.phrase, opener.part),
              ),
              selected: 0,
              anchorKey: opener.startKey,
              start: 0,
            },
          };
        }
      }
    }
    if (reference !== null) {
      const lookup =
        library === null
          ? undefined
          : (typed: string, context: SuggestionContext) =>
              library?.suggestReferences(references, typed, {
                ...context,
                ...(organ === undefined ? {} : { organ }),
                mentionedTitles: titles,
              }) ?? [];
      const match = matchReference(references, reference.text, {
        mentioned,
        introduced,
        preceding: reference.preceding,
        ...(limit === undefined ? {} : { limit }),
        ...(lookup === undefined ? {} : { lookup }),
      });
      if (match !== null) {
        const place = `reference:${reference.anchorKey}:${match.start}`;
        return {
          active: {
            mode: 'reference',
            place: {
              anchorKey: reference.anchorKey,
              start: match.start,
              end: reference.end,
              typed: match.typed,
              inFootnote: reference.inFootnote,
            },
          },
          place,
          identity: `${place}:${match.typed}:${mentionsVersion}`,
          state: {
            open: true,
            mode: 'reference',
            part: null,
            typed: match.typed,
            options: referenceOptions(match.suggestions),
            selected: 0,
            anchorKey: reference.anchorKey,
            start: match.start,
          },
        };
      }
    }
    return null;
  };

  const refresh = (editorState: EditorState, typing: boolean): void => {
    if (!editor.isEditable()) {
      close();
      return;
    }
    const found = editorState.read($find);
    if (found === null) {
      close();
      return;
    }
    if (current !== null && found.identity === current.identity) return; // nothing changed
    // Moving the caret never opens the menu, and closes it once the caret leaves what was typed.
    if (!typing || found.place === dismissed) {
      close();
      return;
    }
    dismissed = null;
    current = found;
    publish(found.state);
    // The first menu of a draft asks for the library; this one is the report's.
    if (library === null) deps.library?.request();
  };

  /**
   * The library has arrived (or changed): what the draft mentions is read again, an open menu filled
   * again. With the menu closed right after typing, the words typed are looked up again, as the
   * keystroke would have had the library been there: "resolution 79/1" typed while it loaded opens
   * the menu when it arrives.
   */
  const libraryChanged = (): void => {
    const next = deps.library?.get() ?? null;
    if (next === library) return;
    library = next;
    mentionCache.clear();
    rescanMentions();
    if (!state.open || current === null) {
      if (typedLast) refresh(editor.getEditorState(), true);
      return;
    }
    const found = editor.isEditable() ? editor.getEditorState().read($find) : null;
    if (found === null || found.place !== current.place) {
      close();
      return;
    }
    // The option highlighted stays highlighted when the library offers it too.
    const key = state.options[state.selected]?.key;
    const selected = Math.max(
      0,
      found.state.options.findIndex((o) => o.key === key),
    );
    current = found;
    publish({ ...found.state, selected });
  };

  const move = (delta: 1 | -1): void => {
    if (!state.open) return;
    const count = state.options.length;
    publish({ ...state, selected: (state.selected + delta + count) % count });
  };

  /** Writes the option; runs inside the update of the command that chose it. */
  const $choose = (index: number): boolean => {
    if (!state.open || current === null) return false;
    const option = state.options[index];
    const { active } = current;
    close();
    if (option === undefined) return false;
    $addUpdateTag(COMPLETION_INSERT_TAG);
    const { action } = option;
    if (action.kind === 'opener' && active.mode === 'opener')
      return $insertOpener(active.target, action.phrase);
    if (action.kind === 'reference' && active.mode === 'reference') {
      const written = $insertReference(active.place, action.suggestion);
      // Known at once, not at the next scan: the next "Smuggling" already offers the short title.
      if (written && action.suggestion.kind === 'instrument') {
        const { titles: titled, mentions } = action.suggestion;
        setMentioned(
          { mentioned: new Set([...mentioned, ...titled]), titles },
          new Set([...introduced, ...mentions]),
        );
      }
      if (written && action.suggestion.kind === 'library-instrument')
        setMentioned({ mentioned, titles: new Set([...titles, action.suggestion.key]) }, introduced);
      return written;
    }
    return false;
  };

  const consume = (event: KeyboardEvent | null): true => {
    event?.preventDefault();
    event?.stopImmediatePropagation();
    return true;
  };

  return mergeRegister(
    deps.library?.subscribe(libraryChanged) ?? (() => undefined),
    editor.registerUpdateListener(({ editorState, tags, dirtyLeaves, dirtyElements }) => {
      const edited = dirtyLeaves.size > 0 || dirtyElements.size > 0;
      if (edited) scheduleMentions();
      // A collaborator's change in a shared draft is not this user typing: it never opens the menu,
      // and an open one is only checked against the text as it now is.
      if (tags.has(COLLABORATION_TAG)) {
        if (state.open) refresh(editorState, false);
        return;
      }
      if (tags.has(COMPLETION_INSERT_TAG)) {
        typedLast = false;
        close();
        return;
      }
      typedLast = edited;
      refresh(editorState, edited);
    }),
    editor.registerEditableListener((editable) => {
      if (!editable) close();
    }),
    editor.registerCommand(
      KEY_ARROW_DOWN_COMMAND,
      (event) => {
        if (!state.open) return false;
        move(1);
        return consume(event);
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_ARROW_UP_COMMAND,
      (event) => {
        if (!state.open) return false;
        move(-1);
        return consume(event);
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_ENTER_COMMAND,
      (event) => {
        // Shift+Enter stays a line break.
        if (!state.open || event?.shiftKey === true) return false;
        $choose(state.selected);
        return consume(event);
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_TAB_COMMAND,
      (event) => {
        // Shift+Tab keeps moving the paragraph out a level (plugins/keys).
        if (!state.open || event.shiftKey) return false;
        $choose(state.selected);
        return consume(event);
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      KEY_ESCAPE_COMMAND,
      (event) => {
        if (!state.open || current === null) return false;
        dismissed = current.place;
        close();
        return consume(event);
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(CHOOSE_COMPLETION_COMMAND, (index) => $choose(index), COMMAND_PRIORITY_HIGH),
    editor.registerCommand(
      HIGHLIGHT_COMPLETION_COMMAND,
      (index) => {
        if (!state.open || index < 0 || index >= state.options.length || index === state.selected)
          return false;
        publish({ ...state, selected: index });
        return true;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    editor.registerCommand(
      BLUR_COMMAND,
      () => {
        close();
        return false;
      },
      COMMAND_PRIORITY_HIGH,
    ),
    () => {
      mentionsPause.cancel();
      close();
    },
  );
}
