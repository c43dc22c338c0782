/**
 * The editor's further plugins and panels, mounted inside the open draft's composer: completion,
 * footnotes and paste in the page, the footnote pane beside it.
 */
import { CompletionPlugin } from '../editor/plugins/completion/CompletionPlugin.tsx';
import { FootnotePane } from '../editor/plugins/footnotes/FootnotePane.tsx';
import { FootnotesPlugin } from '../editor/plugins/footnotes/FootnotesPlugin.tsx';
import { PastePlugin } from '../editor/plugins/paste/PastePlugin.tsx';
import { lexicon, references } from './data.ts';

export function EditorExtras({ onMessage }: { readonly onMessage: (text: string) => void }) {
  return (
    <>
      <CompletionPlugin lexicon={lexicon} references={references} />
      <FootnotesPlugin />
      <PastePlugin lexicon={lexicon} onMessage={onMessage} />
    </>
  );
}

export function PanelExtras({ which }: { readonly which: 'footnotes' }) {
  return which === 'footnotes' ? <FootnotePane /> : null;
}
