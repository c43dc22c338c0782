/**
 * The drafting editor: a Lexical editor that knows what a resolution is.
 *
 * `ResolutionComposer` holds one document (loaded once — remount with a new `key` to load another)
 * and may wrap more than the page, so side panels (the footnote pane) share the editor;
 * `ResolutionSurface` is the editable page with the resolution's plugins. Callers read the model
 * with `readDocument`.
 */
import { useLayoutEffect, useState, type ReactNode } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { createEmptyHistoryState, type HistoryState } from '@lexical/history';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { OnChangePlugin } from '@lexical/react/LexicalOnChangePlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import type { EditorState, LexicalEditor } from 'lexical';
import type { Lexicon } from '../core/lexicon/lexicon.ts';
import type { ResolutionDocument } from '../core/model/types.ts';
import { $exportResolution } from './bridge/export.ts';
import { $importResolution } from './bridge/import.ts';
import { ResolutionNodes } from './nodes/registry.ts';
import { $registerAtCreation } from './transforms/atCreation.ts';
import { LimitsPlugin, TypingLimitsPlugin } from './plugins/limits/LimitsPlugin.tsx';
import { OpenerPlugin } from './plugins/openers/OpenerPlugin.tsx';
import { ParagraphKeysPlugin } from './plugins/keys/ParagraphKeysPlugin.tsx';
import { PlaceholderPlugin } from './plugins/placeholders/PlaceholderPlugin.tsx';
import { ReaderPlugin } from './plugins/structure/ReaderPlugin.tsx';
import { SharedNumbersPlugin } from './plugins/structure/SharedNumbersPlugin.tsx';
import { StructurePlugin } from './plugins/structure/StructurePlugin.tsx';
import { editorTheme } from './theme.ts';

/** The model of what the editor shows; `base` gives what the editor does not hold (kind, organ, metadata). */
export function readDocument(editorState: EditorState, base: ResolutionDocument): ResolutionDocument {
  return editorState.read(() =>
    $exportResolution({
      kind: base.kind,
      organ: base.organ,
      metadata: base.metadata,
      ...(base.number ? { number: base.number } : {}),
    }),
  );
}

export interface ResolutionComposerProps {
  /** The document to load; null for a shared draft, whose text the collaboration binding brings. */
  readonly document: ResolutionDocument | null;
  readonly readOnly?: boolean;
  /** The openers the editor knows: given, their transforms are registered with the others at creation. */
  readonly lexicon?: Lexicon;
  readonly children: ReactNode;
}

export function ResolutionComposer({
  document,
  readOnly = false,
  lexicon,
  children,
}: ResolutionComposerProps) {
  const initialConfig = {
    namespace: 'resolution-drafter',
    nodes: [...ResolutionNodes],
    theme: editorTheme,
    editable: !readOnly,
    // Lexical's CollaborationPlugin wants no initial state: the shared document is the one truth.
    // The transforms go in before the draft, and run once over it (transforms/atCreation.ts).
    editorState:
      document === null
        ? null
        : (editor: LexicalEditor) => {
            $registerAtCreation(editor, readOnly || lexicon === undefined ? {} : { lexicon });
            // The structure transform registered just now repairs the draft at the end of this update.
            $importResolution(document, { repair: false });
          },
    onError: (error: Error) => {
      // A broken update must not take the draft down: report it; the last good state stays.
      console.error('Resolution Drafter editor error:', error);
    },
  };
  return <LexicalComposer initialConfig={initialConfig}>{children}</LexicalComposer>;
}

/** Gives an empty history the editor's present state as its starting point (see ResolutionSurface). */
function startHistoryAtOpening(history: HistoryState, editor: LexicalEditor): void {
  const opened = editor.getEditorState();
  if (history.current === null && !opened.isEmpty()) history.current = { editor, editorState: opened };
}

export interface ResolutionSurfaceProps {
  readonly lexicon: Lexicon;
  readonly readOnly?: boolean;
  readonly label?: string;
  readonly onChange?: (editorState: EditorState, editor: LexicalEditor) => void;
  /** Told when a change was refused because it would take the draft over the store's limits. */
  readonly onLimit?: (text: string) => void;
  /** Further plugins (completion, footnotes, paste, checks). */
  readonly children?: ReactNode;
  /**
   * A shared draft: no local history (Yjs' undo manager of the CollaborationPlugin undoes this user's
   * changes only), and the structure transforms only once the shared text has arrived (`ready`), or
   * they would write a title and formula of their own into the empty document.
   */
  readonly shared?: { readonly ready: boolean };
}

export function ResolutionSurface({
  lexicon,
  readOnly = false,
  label = 'Resolution text',
  onChange,
  onLimit,
  children,
  shared,
}: ResolutionSurfaceProps) {
  // Shared with the limits guard, which takes a refused change back out of the history too.
  const [history] = useState(createEmptyHistoryState);
  const [editor] = useLexicalComposerContext();
  // Lexical's history takes the first change it sees as its starting point, which no undo goes back
  // past: the draft as it opened is that point, so that the first edit is undone like any other.
  useLayoutEffect(() => startHistoryAtOpening(history, editor), [editor, history]);
  return (
    <>
      {shared && readOnly ? <ReaderPlugin /> : null}
      <RichTextPlugin
        contentEditable={
          <ContentEditable
            className="page__body"
            aria-label={label}
            aria-multiline="true"
            aria-readonly={readOnly ? 'true' : undefined}
            spellCheck
          />
        }
        ErrorBoundary={LexicalErrorBoundary}
      />
      {shared ? (
        <TypingLimitsPlugin {...(onLimit ? { onMessage: onLimit } : {})} />
      ) : (
        <>
          <HistoryPlugin externalHistoryState={history} />
          <LimitsPlugin history={history} {...(onLimit ? { onMessage: onLimit } : {})} />
        </>
      )}
      {shared && !shared.ready ? null : <StructurePlugin />}
      {shared ? <SharedNumbersPlugin /> : null}
      <PlaceholderPlugin />
      {readOnly ? null : (
        <>
          <ParagraphKeysPlugin />
          <OpenerPlugin lexicon={lexicon} />
          {children}
        </>
      )}
      {onChange ? <OnChangePlugin onChange={onChange} ignoreSelectionChange /> : null}
    </>
  );
}
