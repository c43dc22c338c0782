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
  readonly caret: Caret | null;
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
  // The height of the menu last shown: a menu opening again is placed with it (above the line when the
  // room below would not hold it) before it is laid out.
  const lastHeight = useRef<number | null>(null);
  const shownMenu = useRef<HTMLDivElement | null>(null);

  useEffect(
    () =>
      registerCompletion(editor, {
        lexicon,
        references,
        // The caret's place is read here, in the update listener that opens the menu: Lexical has just
        // placed the selection, so the page is laid out and reading it costs nothing. Read once the
        // menu is in the page, it would lay the page out a second time in the keystroke.
        // The height of the menu on screen is read here too, as it was laid out for the last frame (a
        // ResizeObserver would report it inside the frame that first shows it, and make Chromium run
        // its style, layout and paint steps a second time in that frame).
        onChange: (next) => {
          const menu = shownMenu.current;
          if (menu?.isConnected === true) lastHeight.current = menu.offsetHeight;
          setShown(
            next.open ? { state: next, caret: caretRect(editor, next.anchorKey, next.start) } : CLOSED,
          );
        },
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
    <CompletionMenu
      editor={editor}
      state={state}
      caret={caret}
      listboxId={listboxId}
      height={lastHeight}
      shownRef={shownMenu}
    />,
    document.body,
  );
}

const GAP = 4;

/** The menu's inline placing: each property as written to its style. */
interface Place {
  /** Which side of the line it is on (its shadow falls away from the line, completion.css). */
  readonly side: 'below' | 'above';
  readonly top: string;
  readonly bottom: string;
  readonly left: string;
  readonly maxHeight: string;
  readonly translate: string;
}

/** The stylesheet's bound on the menu's height (completion.css), with the room it has on screen. */
const MAX_HEIGHT = ['22rem', '60vh'];
const MAX_HEIGHT_PX = 22 * 16;

/**
 * Where the typed words start, read while the page is laid out (never in the keystroke's own work):
 * on screen, with the window's size and scroll at that moment.
 */
export interface Caret {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly viewport: { readonly width: number; readonly height: number };
  readonly scroll: { readonly x: number; readonly y: number };
}

/**
 * Where the menu goes, decided without laying it out: below the line when the room there holds a
 * menu of `height` (the menu's as last laid out; none yet: the tallest the stylesheet allows), else on
 * whichever side has more room; never taller than that room, so the window never cuts it off, and it
 * scrolls within it. Above the line, its foot is placed (`bottom`), so a menu of any height stands on
 * the line. Across, it starts at the caret and is moved in from the window's right edge by a
 * `translate` that refers to its own width (`100%`), applied when it is painted: the menu is laid out
 * once, in the frame that first shows it, and never measured in the keystroke.
 *
 * It is placed in the page (`position: absolute` from the document's origin, hence the scroll), not
 * over it (`fixed`): drawn with the page under it, it adds no layer of its own to the frame.
 */
export function menuPlace(caret: Caret, height: number | null): Place {
  const px = (value: number): string => `${Math.round(value)}px`;
  const { viewport, scroll } = caret;
  const roomBelow = Math.max(0, viewport.height - caret.bottom - 2 * GAP);
  const roomAbove = Math.max(0, caret.top - 2 * GAP);
  const wanted = height ?? Math.min(MAX_HEIGHT_PX, 0.6 * viewport.height);
  const above = roomBelow < wanted && roomAbove > roomBelow;
  const left = Math.round(Math.max(GAP, caret.left));
  return {
    side: above ? 'above' : 'below',
    top: above ? 'auto' : px(caret.bottom + GAP + scroll.y),
    // From the foot of the initial containing block, which is the window's size at the origin.
    bottom: above ? px(viewport.height - caret.top + GAP - scroll.y) : 'auto',
    left: px(left + scroll.x),
    maxHeight: `min(${MAX_HEIGHT.join(', ')}, ${px(above ? roomAbove : roomBelow)})`,
    translate: `min(0px, calc(${Math.round(viewport.width - GAP - left)}px - 100%)) 0px`,
  };
}

function CompletionMenu({
  editor,
  state,
  caret,
  listboxId,
  height,
  shownRef,
}: {
  readonly editor: LexicalEditor;
  readonly state: OpenState;
  readonly caret: Caret | null;
  readonly listboxId: string;
  /** The menu's height as last laid out, this opening's or an earlier one's. */
  readonly height: { current: number | null };
  /** Where the menu's element is kept while it is on screen. */
  readonly shownRef: { current: HTMLDivElement | null };
}): JSX.Element {
  const menuRef = useRef<HTMLDivElement>(null);
  /** The place last written (the style reads some of it back in another spelling). */
  const written = useRef<Place | null>(null);
  /** The caret the menu is placed at. */
  const at = useRef<Caret | null>(caret);
  const { anchorKey, start, selected } = state;

  // Nothing here reads the layout while the keystroke runs: the menu is placed from the caret read when
  // it opened and from the size of the menu last shown (menuPlace), and is never moved once drawn.
  // Each property is written only when it changes: a place that has not changed is not written again.
  const apply = useCallback(() => {
    const menu = menuRef.current;
    const rect = at.current;
    if (menu === null || rect === null) return;
    const place = menuPlace(rect, height.current);
    const { style } = menu;
    const last = written.current;
    if (last?.side !== place.side) menu.dataset.side = place.side;
    if (last?.top !== place.top) style.top = place.top;
    if (last?.bottom !== place.bottom) style.bottom = place.bottom;
    if (last?.left !== place.left) style.left = place.left;
    if (last?.maxHeight !== place.maxHeight) style.maxHeight = place.maxHeight;
    if (last?.translate !== place.translate) style.translate = place.translate;
    written.current = place;
  }, [height]);

  useLayoutEffect(() => {
    at.current = caret ?? at.current;
    apply();
  }, [caret, apply]);

  // The menu on screen, whose height the plugin reads for placing the next one (CompletionPlugin).
  useLayoutEffect(() => {
    shownRef.current = menuRef.current;
    return () => {
      shownRef.current = null;
    };
  }, [shownRef]);

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
            {/* Plain lines, one element for each part and none around them: the menu is laid out
                in the frame that first shows it, and each element more is a cost there. */}
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
            {/* An opener's detail (where it was used) for the highlighted option only: ten lines to
                read at a glance, and a third of the text to lay out in the keystroke that opens the
                menu. A reference's (a title, a source) tells the options apart: shown for each. */}
            {option.detail === undefined || (state.mode === 'opener' && index !== selected) ? null : (
              <span className="completion__detail">{option.detail}</span>
            )}
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
function caretRect(editor: LexicalEditor, key: string, offset: number): Caret | null {
  const element = editor.getElementByKey(key);
  if (element === null) return null;
  const view = element.ownerDocument.defaultView ?? window;
  const caret = (rect: DOMRect): Caret => ({
    top: rect.top,
    bottom: rect.bottom,
    left: rect.left,
    viewport: { width: view.innerWidth, height: view.innerHeight },
    scroll: { x: view.scrollX, y: view.scrollY },
  });
  const walker = element.ownerDocument.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode();
  if (text !== null) {
    const range = element.ownerDocument.createRange();
    const at = Math.min(offset, text.textContent?.length ?? 0);
    range.setStart(text, at);
    range.setEnd(text, at);
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    if (rect.height > 0) return caret(rect);
  }
  return caret(element.getBoundingClientRect());
}
