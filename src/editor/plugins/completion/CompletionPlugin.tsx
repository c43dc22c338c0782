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

export function CompletionPlugin({
  lexicon,
  references,
  library,
  organ,
}: CompletionPluginProps): JSX.Element | null {
  const [editor] = useLexicalComposerContext();
  const [state, setState] = useState<CompletionState>(CLOSED_COMPLETION);
  const listboxId = `completion-${useId().replace(/[^\w-]/g, '')}`;

  useEffect(
    () =>
      registerCompletion(editor, {
        lexicon,
        references,
        onChange: setState,
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
  return createPortal(<CompletionMenu editor={editor} state={state} listboxId={listboxId} />, document.body);
}

function CompletionMenu({
  editor,
  state,
  listboxId,
}: {
  readonly editor: LexicalEditor;
  readonly state: OpenState;
  readonly listboxId: string;
}): JSX.Element {
  const menuRef = useRef<HTMLDivElement>(null);
  const { anchorKey, start, selected } = state;

  const place = useCallback(() => {
    const menu = menuRef.current;
    if (menu === null) return;
    const rect = caretRect(editor, anchorKey, start);
    if (rect === null) return;
    const gap = 4;
    const height = menu.offsetHeight;
    const width = menu.offsetWidth;
    // Below the line; above it when there is no room below.
    const below = rect.bottom + gap;
    const top =
      below + height > window.innerHeight && rect.top - gap - height > 0 ? rect.top - gap - height : below;
    const left = Math.max(gap, Math.min(rect.left, window.innerWidth - width - gap));
    menu.style.top = `${top}px`;
    menu.style.left = `${left}px`;
  }, [editor, anchorKey, start]);

  useLayoutEffect(place, [place, state.options]);

  useEffect(() => {
    window.addEventListener('resize', place);
    window.addEventListener('scroll', place, true);
    return () => {
      window.removeEventListener('resize', place);
      window.removeEventListener('scroll', place, true);
    };
  }, [place]);

  // Keep the highlighted option in view when the arrows move past the visible ones.
  useLayoutEffect(() => {
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
