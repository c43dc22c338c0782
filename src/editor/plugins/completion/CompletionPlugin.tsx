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
  // The size of the menu last shown: a menu opening again is placed with it (flipped above the line
  // at the window's foot) before it is laid out, and is seldom moved again once its own is known.
  const lastSize = useRef<Size | null>(null);

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
    <CompletionMenu editor={editor} state={state} caret={caret} listboxId={listboxId} size={lastSize} />,
    document.body,
  );
}

const GAP = 4;

interface Size {
  readonly width: number;
  readonly height: number;
}

/**
 * Where the menu goes: below the line, or above it when there is no room below and there is above;
 * moved left as far as needed to stay on screen. `size` is the menu's as last laid out (none yet:
 * below the line, from the caret). Above the line, the menu's foot is placed (`bottom`, from the
 * window's foot), not its head: a menu of another height opening there is already in place.
 */
function menuPlace(
  caret: Pick<DOMRect, 'top' | 'bottom' | 'left'>,
  size: Size | null,
  viewport: { readonly width: number; readonly height: number },
): { readonly top: string; readonly bottom: string; readonly left: string } {
  const px = (value: number): string => `${Math.round(value)}px`;
  const below = { top: px(caret.bottom + GAP), bottom: 'auto' };
  if (size === null) return { ...below, left: px(Math.max(GAP, caret.left)) };
  const left = px(Math.max(GAP, Math.min(caret.left, viewport.width - size.width - GAP)));
  const foot = caret.top - GAP;
  if (caret.bottom + GAP + size.height > viewport.height && foot - size.height > 0)
    return { top: 'auto', bottom: px(viewport.height - foot), left };
  return { ...below, left };
}

function CompletionMenu({
  editor,
  state,
  caret,
  listboxId,
  size,
}: {
  readonly editor: LexicalEditor;
  readonly state: OpenState;
  readonly caret: DOMRect | null;
  readonly listboxId: string;
  /** The menu's size as last laid out, this opening's or an earlier one's. */
  readonly size: { current: Size | null };
}): JSX.Element {
  const menuRef = useRef<HTMLDivElement>(null);
  /** The caret the menu is placed at. */
  const at = useRef<DOMRect | null>(caret);
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
    const place = menuPlace(rect, size.current, {
      width: window.innerWidth,
      height: window.innerHeight,
    });
    // In whole pixels, which the style reads back as written: a place that has not changed is not
    // written again (a fractional one reads back rounded to six digits, and writing it again would lay
    // the page out a second time in the frame that first shows the menu).
    const { style } = menu;
    if (style.top !== place.top) style.top = place.top;
    if (style.bottom !== place.bottom) style.bottom = place.bottom;
    if (style.left !== place.left) style.left = place.left;
  }, [size]);

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
  }, [apply, size]);

  // The page scrolled or the window changed: the caret is read again. Listened to from the commit that
  // draws the menu (a passive effect would ask for an animation frame in the keystroke's frame).
  useLayoutEffect(() => {
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
      <ul
        className="completion__list"
        role="listbox"
        id={listboxId}
        aria-label={listboxName(state)}
        // One listener each for all the options (the option under the pointer found from its index),
        // not two per option added in the keystroke that opens the menu.
        onMouseMove={(event) => {
          const index = optionIndex(event.target);
          if (index !== null) editor.dispatchCommand(HIGHLIGHT_COMPLETION_COMMAND, index);
        }}
        onClick={(event) => {
          const index = optionIndex(event.target);
          if (index !== null) editor.dispatchCommand(CHOOSE_COMPLETION_COMMAND, index);
        }}
      >
        {state.options.map((option, index) => (
          <li
            key={option.key}
            id={optionId(listboxId, index)}
            role="option"
            aria-selected={index === selected}
            className="completion__option"
            data-index={index}
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

/** The index of the option an event's target is in, or null outside the options. */
function optionIndex(target: EventTarget | null): number | null {
  const option = target instanceof Element ? target.closest<HTMLElement>('[role="option"]') : null;
  const index = Number(option?.dataset.index);
  return option === null || !Number.isInteger(index) ? null : index;
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
