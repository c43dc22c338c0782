/** A modal dialog on the native <dialog> element: focus is trapped, Escape closes, the title names it. */
import { useEffect, useId, useRef, type DOMAttributes, type ReactNode } from 'react';

export interface DialogProps {
  readonly title: string;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly wide?: boolean;
  /** The id of an element inside whose text completes the dialog's name (the page the Help shows). */
  readonly labelledBy?: string;
  /**
   * Files dropped anywhere on the dialog (its backdrop too) go to these handlers: the Library takes
   * them. `fileDrop` marks the dialog so the window's drop target leaves them alone (DropOverlay).
   */
  readonly fileDrop?: Pick<
    DOMAttributes<HTMLDialogElement>,
    'onDragEnter' | 'onDragOver' | 'onDragLeave' | 'onDrop'
  >;
}

export function Dialog({ title, open, onClose, children, wide = false, labelledBy, fileDrop }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      {...fileDrop}
      {...(fileDrop ? { 'data-file-drop': '' } : {})}
      ref={ref}
      className={wide ? 'dialog dialog--wide' : 'dialog'}
      aria-labelledby={labelledBy === undefined ? titleId : `${titleId} ${labelledBy}`}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <div className="dialog__head">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button button--quiet" onClick={onClose} aria-label="Close">
          ×
        </button>
      </div>
      <div className="dialog__body">{open ? children : null}</div>
    </dialog>
  );
}
