/**
 * The editor's further plugins (completion, paste, checks: extensions.tsx), loaded just after the
 * draft is first drawn rather than with the first screen: the page is editable without them, and
 * together with the completion data, the rules and the reader of pasted resolution text they are a
 * large part of the app's code. Until they are in, the paste gate holds any paste or drop, which the
 * paste plugin then replays (editor/plugins/paste/pasteGate.ts).
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { registerPasteGate } from '../editor/plugins/paste/pasteGate.ts';
import type { EditorExtrasProps } from './extensions.tsx';

const EditorExtras = lazy(() => import('./extensions.tsx').then((m) => ({ default: m.EditorExtras })));

/** Calls `run` once the next frame has been drawn (a task after it); returns the cancel. */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

function PasteGate(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerPasteGate(editor), [editor]);
  return null;
}

export function DeferredEditorExtras(props: EditorExtrasProps) {
  const [wanted, setWanted] = useState(false);
  useEffect(() => afterNextPaint(() => setWanted(true)), []);
  if (!wanted) return <PasteGate />;
  return (
    <Suspense fallback={<PasteGate />}>
      <EditorExtras {...props} />
    </Suspense>
  );
}
