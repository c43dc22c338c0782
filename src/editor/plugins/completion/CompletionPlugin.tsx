/**
 * The completion menu (issue 3): openers at the start of a paragraph, references elsewhere. The
 * behaviour is registerCompletion.ts; this component draws the list at the caret and wires it to the
 * editable root as an ARIA listbox popup (WAI-ARIA APG, "Editable Combobox With List Autocomplete"):
 * while open, the root has aria-controls, aria-expanded and aria-activedescendant pointing at the
 * highlighted option, and focus never leaves the text.
 */
import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type JSX } from 'react';
import { createPortal } from 'react-dom';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import type { LexicalEditor } from 'lexical';
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import type { References } from '../../../core/references/types.ts';
import { CHOOSE_COMPLETION_COMMAND, HIGHLIGHT_COMPLETION_COMMAND } from './commands.ts';
import type { LibraryCompletionStore } from './libraryStore.ts';
import { CLOSED_COMPLETION, registerCompletion, type CompletionState } from './registerCompletion.ts';
import '../../../ui/styles/completion.css';

export interface CompletionPluginProps {
  /** The report's: what the menu offers until the library has loaded, and without one. */
  readonly lexicon: Lexicon;
  readonly references: References;
  /** The library's completion (issue 13), asked for the first time the menu opens. */
  readonly library?: LibraryCompletionStore;
  /** The draft's organ: an Assembly draft is offered the Assembly's openers, a Conference draft the Conference's. */
  readonly organ?: string;
}

type OpenState = Extract<CompletionState, { open: true }>;

/** Attributes the root carries only while the menu is open. */
const ROOT_ATTRIBUTES = [
  'aria-controls',
  'aria-expanded',
  'aria-activedescendant',
  'aria-autocomplete',
] as const;

export function optionId(listboxId: string, index: number): string {
  return `${listboxId}-option-${index}`;
}

function listboxName(state: OpenState): string {
  if (state.mode === 'reference') return 'References';
  return state.part === 'preamble' ? 'Preambular openers' : 'Operative openers';
}

/** What the menu shows, with where the typed words start on screen when it opened or changed. */
interface Shown {
  readonly state: CompletionState;
  readonly caret: DOMRect | null;
}

const CLOSED: Shown = { state: CLOSED_COMPLETION, caret: null };

export function CompletionPlugin({
  lexicon,
  references,
  library,
  organ,
}: CompletionPluginProps): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [{ state, caret }, setShown] = useState<Shown>(CLOSED);
  const listboxId = `completion-${useId().replace(/[^\w-]/g, '')}`;

  useEffect(
    () =>
      registerCompletion(editor, {
        lexicon,
        references,
        // The caret's place is read here, in the update listener that opens the menu: Lexical has just
        // placed the selection, so the page is laid out and reading it costs nothing. Read once the
        // menu is in the page, it would lay the page out a second time in the keystroke.
        onChange: (next) =>
          setShown(
            next.open ? { state: next, caret: caretRect(editor, next.anchorKey, next.start) } : CLOSED,
          ),
        ...(library === undefined ? {} : { library }),
        ...(organ === undefined ? {} : { organ }),
      }),
    [editor, lexicon, references, library, organ],
  );

  // The root points at the popup and at the highlighted option while open, and at nothing after.
  useLayoutEffect(() => {
    const root = editor.getRootElement();
    if (root === null) return;
    if (!state.open) {
      for (const name of ROOT_ATTRIBUTES) root.removeAttribute(name);
      return;
    }
    root.setAttribute('aria-controls', listboxId);
    root.setAttribute('aria-expanded', 'true');
    root.setAttribute('aria-autocomplete', 'list');
    root.setAttribute('aria-activedescendant', optionId(listboxId, state.selected));
  }, [editor, state, listboxId]);

  useEffect(
    () => () => {
      const root = editor.getRootElement();
      if (root !== null) for (const name of ROOT_ATTRIBUTES) root.removeAttribute(name);
    },
    [editor],
  );

  if (!state.open) return null;
  return createPortal(
    <CompletionMenu editor={editor} state={state} caret={caret} listboxId={listboxId} />,
    document.body,
  );
}

const GAP = 4;

/**
 * Where the menu goes: below the line, or above it when there is no room below and there is above;
 * moved left as far as needed to stay on screen. `size` is the menu's as last laid out (none yet:
 * below the line, from the caret).
 */
function menuPlace(
  caret: Pick<DOMRect, 'top' | 'bottom' | 'left'>,
  size: { readonly width: number; readonly height: number } | null,
  viewport: { readonly width: number; readonly height: number },
): { readonly top: number; readonly left: number } {
  const below = caret.bottom + GAP;
  if (size === null) return { top: below, left: Math.max(GAP, caret.left) };
  const above = caret.top - GAP - size.height;
  const top = below + size.height > viewport.height && above > 0 ? above : below;
  const left = Math.max(GAP, Math.min(caret.left, viewport.width - size.width - GAP));
  return { top, left };
}

function CompletionMenu({
  editor,
  state,
  caret,
  listboxId,
}: {
  readonly editor: LexicalEditor;
  readonly state: OpenState;
  readonly caret: DOMRect | null;
  readonly listboxId: string;
}): JSX.Element {
  const menuRef = useRef<HTMLDivElement>(null);
  /** The caret the menu is placed at, and the menu's size as last laid out. */
  const at = useRef<DOMRect | null>(caret);
  const size = useRef<{ width: number; height: number } | null>(null);
  const { anchorKey, start, selected } = state;

  // Nothing here reads the layout while the keystroke runs: the menu is placed from the caret read when
  // it opened and from its size as last laid out, and placed again (flipped above the line, moved in
  // from the right) when its size is known. A ResizeObserver hears of that size after the frame's
  // layout and before its paint, so the menu is drawn where it belongs in the frame that first
  // shows it.
  const apply = useCallback(() => {
    const menu = menuRef.current;
    const rect = at.current;
    if (menu === null || rect === null) return;
    const { top, left } = menuPlace(rect, size.current, {
      width: window.innerWidth,
      height: window.innerHeight,
    });
    const nextTop = `${top}px`;
    const nextLeft = `${left}px`;
    if (menu.style.top !== nextTop) menu.style.top = nextTop;
    if (menu.style.left !== nextLeft) menu.style.left = nextLeft;
  }, []);

  useLayoutEffect(() => {
    at.current = caret ?? at.current;
    apply();
  }, [caret, apply]);

  useLayoutEffect(() => {
    const menu = menuRef.current;
    if (menu === null || typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.borderBoxSize?.[0];
      size.current =
        box === undefined
          ? { width: menu.offsetWidth, height: menu.offsetHeight }
          : { width: box.inlineSize, height: box.blockSize };
      apply();
    });
    observer.observe(menu);
    return () => observer.disconnect();
  }, [apply]);

  // The page scrolled or the window changed: the caret is read again.
  useEffect(() => {
    const follow = (): void => {
      at.current = caretRect(editor, anchorKey, start) ?? at.current;
      apply();
    };
    window.addEventListener('resize', follow);
    window.addEventListener('scroll', follow, true);
    return () => {
      window.removeEventListener('resize', follow);
      window.removeEventListener('scroll', follow, true);
    };
  }, [editor, anchorKey, start, apply]);

  // Keep the highlighted option in view when the arrows move past the visible ones. A menu that has
  // just opened shows its first option already: nothing to scroll, and no layout to read for it.
  const shownSelected = useRef(selected);
  useLayoutEffect(() => {
    if (shownSelected.current === selected) return;
    shownSelected.current = selected;
    const option = menuRef.current?.querySelector<HTMLElement>(
      `#${CSS.escape(optionId(listboxId, selected))}`,
    );
    option?.scrollIntoView?.({ block: 'nearest' });
  }, [listboxId, selected]);

  return (
    <div
      ref={menuRef}
      className="completion"
      data-mode={state.mode}
      // The text keeps the focus: a click (on an option or the scroll bar) must not blur it.
      onMouseDown={(event) => event.preventDefault()}
    >
      <ul className="completion__list" role="listbox" id={listboxId} aria-label={listboxName(state)}>
        {state.options.map((option, index) => (
          <li
            key={option.key}
            id={optionId(listboxId, index)}
            role="option"
            aria-selected={index === selected}
            className="completion__option"
            onMouseMove={() => editor.dispatchCommand(HIGHLIGHT_COMPLETION_COMMAND, index)}
            onClick={() => editor.dispatchCommand(CHOOSE_COMPLETION_COMMAND, index)}
          >
            <span className="completion__head">
              <span
                className={
                  option.action.kind === 'opener'
                    ? 'completion__label completion__label--opener'
                    : 'completion__label'
                }
              >
                {option.label}
              </span>
              {option.count === undefined ? null : <span className="completion__count">{option.count}</span>}
              {option.tag === undefined ? null : <span className="completion__tag">{option.tag}</span>}
            </span>
            {option.detail === undefined ? null : <span className="completion__detail">{option.detail}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where the typed words start on screen: a range in the text node's DOM, or the node's element. */
function caretRect(editor: LexicalEditor, key: string, offset: number): DOMRect | null {
  const element = editor.getElementByKey(key);
  if (element === null) return null;
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode();
  if (text !== null) {
    const range = element.ownerDocument.createRange();
    const at = Math.min(offset, text.textContent?.length ?? 0);
    range.setStart(text, at);
    range.setEnd(text, at);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    if (rect.height > 0) return rect;
  }
  return element.getBoundingClientRect();
}
