/**
 * Drag and drop of a .docx or a PDF anywhere on the window (issues 5 and 12). While files are dragged over the window
 * an overlay says what a drop will do; drags that carry no file (text moved inside the editor, a
 * link) are left alone. A dropped file is caught before the editor sees it, and the browser's own
 * handling — opening the file in place of the app — is prevented.
 */
import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';

/** Files dragged over the window, but not over a dialog that takes them itself (Dialog's `fileDrop`). */
function carriesFiles(e: DragEvent): boolean {
  if (e.target instanceof Element && e.target.closest('[data-file-drop]')) return false;
  return e.dataTransfer?.types.includes('Files') ?? false;
}

export function DropOverlay({ onDrop }: { readonly onDrop: (files: readonly File[]) => void }) {
  const [active, setActive] = useState(false);
  // dragenter and dragleave fire for every element crossed: the window is left when they balance.
  const depth = useRef(0);
  const handler = useRef(onDrop);
  useEffect(() => {
    handler.current = onDrop;
  }, [onDrop]);

  useEffect(() => {
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth.current += 1;
      setActive(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Without this the drop is refused, and a file dropped anyway replaces the app.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setActive(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.stopPropagation();
      depth.current = 0;
      setActive(false);
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) handler.current(files);
    };
    const reset = () => {
      depth.current = 0;
      setActive(false);
    };
    // Capture, so the editor (which handles drops of its own) never sees a dropped file.
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragover', over, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    window.addEventListener('dragend', reset, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
      window.removeEventListener('dragend', reset, true);
    };
  }, []);

  if (!active) return null;
  return createPortal(
    <div className="drop-overlay" data-testid="drop-overlay">
      <div className="drop-overlay__box">Drop a .docx, PDF or Akoma Ntoso file to import it</div>
    </div>,
    document.body,
  );
}
