/**
 * The editor's further plugins and panels, mounted inside the open draft's composer: completion,
 * paste and checks in the page, the footnote pane beside it. Both load after the first screen
 * (deferredExtras.tsx, and the Workspace's panels).
 */
import { ChecksPlugin } from '../editor/plugins/checks/ChecksPlugin.tsx';
import { CompletionPlugin } from '../editor/plugins/completion/CompletionPlugin.tsx';
import { createLibraryCompletionStore } from '../editor/plugins/completion/libraryStore.ts';
import { FootnotePane } from '../editor/plugins/footnotes/FootnotePane.tsx';
import { PastePlugin } from '../editor/plugins/paste/PastePlugin.tsx';
import type { ResolutionDocument } from '../core/model/types.ts';
import { lexicon } from './data.ts';
import { references } from './references.ts';

/**
 * The library's completion data, asked for the first time a draft opens the completion menu (not when
 * the editor mounts: a draft read, or edited with the menu never opened, does not load the library's
 * 4.5 MB; while it loads, the report's openers and references answer). Its client comes with it.
 */
const libraryCompletion = createLibraryCompletionStore(() =>
  import('./library/libraryClient.ts').then((m) => m.libraryClient()),
);

export interface EditorExtrasProps {
  readonly onMessage: (text: string) => void;
  /** The open draft: the checks read its kind and footnote rule, and keep its rule switches. */
  readonly draft?: { readonly id: string; readonly document: ResolutionDocument };
}

export function EditorExtras({ onMessage, draft }: EditorExtrasProps) {
  return (
    <>
      <CompletionPlugin
        lexicon={lexicon}
        references={references}
        library={libraryCompletion}
        {...(draft ? { organ: draft.document.organ } : {})}
      />
      <PastePlugin lexicon={lexicon} onMessage={onMessage} />
      <ChecksPlugin
        lexicon={lexicon}
        references={references}
        {...(draft ? { document: draft.document, draftId: draft.id } : {})}
      />
    </>
  );
}

export function PanelExtras({ which }: { readonly which: 'footnotes' }) {
  return which === 'footnotes' ? <FootnotePane /> : null;
}
