/**
 * A bare Lexical editor for the keystroke comparison of issue 3 ("Speed"): LexicalComposer with the
 * rich-text and history plugins and nothing else, holding the same text as the benchmark's
 * 150-paragraph draft as plain paragraphs (one per block the app shows: title, formula, paragraphs,
 * subparagraphs, footnotes). `npm run bench` writes that text next to the built page as
 * paragraphs.json; `?width=` gives the page the width (in CSS pixels) the app's page has, so both lay out the
 * same lines.
 */
import { createRoot } from 'react-dom/client';
import { LexicalComposer } from '@lexical/react/LexicalComposer';
import { RichTextPlugin } from '@lexical/react/LexicalRichTextPlugin';
import { ContentEditable } from '@lexical/react/LexicalContentEditable';
import { HistoryPlugin } from '@lexical/react/LexicalHistoryPlugin';
import { LexicalErrorBoundary } from '@lexical/react/LexicalErrorBoundary';
import { $createParagraphNode, $createTextNode, $getRoot } from 'lexical';
import './style.css';

function BareEditor({
  paragraphs,
  width,
}: {
  readonly paragraphs: readonly string[];
  readonly width?: number;
}) {
  const initialConfig = {
    namespace: 'bare-benchmark',
    onError: (error: Error) => console.error(error),
    editorState: () => {
      const root = $getRoot();
      for (const text of paragraphs) root.append($createParagraphNode().append($createTextNode(text)));
    },
  };
  return (
    <LexicalComposer initialConfig={initialConfig}>
      <article className="page" style={width ? { width: `${width}px` } : undefined}>
        <RichTextPlugin
          contentEditable={<ContentEditable className="page__body" aria-label="Bare text" spellCheck />}
          ErrorBoundary={LexicalErrorBoundary}
        />
      </article>
      <HistoryPlugin />
    </LexicalComposer>
  );
}

const container = document.getElementById('root');
if (container === null) throw new Error('bare benchmark page: missing #root');
const response = await fetch('./paragraphs.json');
if (!response.ok) throw new Error(`bare benchmark page: paragraphs.json answered ${response.status}`);
const paragraphs = (await response.json()) as string[];
const width = Number(new URLSearchParams(location.search).get('width')) || undefined;
createRoot(container).render(<BareEditor paragraphs={paragraphs} width={width} />);
