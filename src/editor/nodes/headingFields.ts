/**
 * The DOM of a heading with a number, shared by `SectionHeadingNode` and `AnnexHeadingNode`: the
 * number on a line of its own, centred, above the heading's text, centred and bold, as the General
 * Assembly prints them (A/RES/78/247: "I" over "Activities of the Office of Internal Oversight
 * Services").
 *
 *   <div class="res-section-heading" data-number="I">
 *     <span class="res-heading-fields" contenteditable="false">
 *       <input class="res-heading-number" aria-label="Section number">
 *       <label class="res-heading-restart"><input type="checkbox"> …</label>   (sections only)
 *     </span>
 *     <h3 class="res-heading-text">…the heading's text, Lexical's children…</h3>
 *   </div>
 *
 * The number is a property of the node, not text: a number typed as the start of the heading could
 * not be told from the heading, and a number held in an inline node of the same block would take
 * every key typed at its end, so an unnumbered heading could never be given its text. So the number
 * is an ordinary input in a part of the block Lexical does not manage (`setDOMUnmanaged`; the
 * node's DOM slot is the <h3>): the keys typed in it stay in it (they are stopped before Lexical's listeners on the page
 * see them), and a changed value is written to the node in one update, undoable like any other.
 */
import { $getNodeByKey, setDOMUnmanaged, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { LIMITS } from '../../core/model/validate.ts';

export interface HeadingFieldsOptions {
  /** "res-section-heading" or "res-annex-heading". */
  readonly className: string;
  /** What the number field is called for assistive technology: "Section number". */
  readonly numberLabel: string;
  readonly number: string;
  /** Sections only: whether the section's operative paragraphs restart at 1. */
  readonly restarts?: boolean;
  readonly key: NodeKey;
  readonly editor: LexicalEditor | undefined;
  /** Writes the field's value to the node with this key (inside an update). */
  readonly setNumber: (node: LexicalNode, number: string) => void;
  readonly setRestarts?: (node: LexicalNode, restarts: boolean) => void;
}

/** Events a field handles itself: Lexical's listeners on the page must not act on them too. */
const OWN_EVENTS = [
  'keydown',
  'keyup',
  'keypress',
  'beforeinput',
  'input',
  'paste',
  'copy',
  'cut',
  'drop',
  'dragstart',
  'compositionstart',
  'compositionupdate',
  'compositionend',
] as const;

function keepOwnEvents(element: HTMLElement): void {
  for (const type of OWN_EVENTS) element.addEventListener(type, (event) => event.stopPropagation());
}

export function createHeadingDOM(document: Document, options: HeadingFieldsOptions): HTMLElement {
  const dom = document.createElement('div');
  dom.className = options.className;
  dom.setAttribute('data-number', options.number);
  const fields = document.createElement('span');
  fields.className = 'res-heading-fields';
  fields.contentEditable = 'false';
  const editable = options.editor?.isEditable() ?? true;

  const number = document.createElement('input');
  number.type = 'text';
  number.className = 'res-heading-number';
  number.value = options.number;
  number.placeholder = 'no number';
  number.maxLength = LIMITS.fieldChars;
  number.spellcheck = false;
  number.disabled = !editable;
  number.setAttribute('aria-label', options.numberLabel);
  keepOwnEvents(number);
  const commit = (): void => {
    const value = number.value.trim();
    if (value === dom.getAttribute('data-number')) return;
    options.editor?.update(() => {
      const node = $getNodeByKey(options.key);
      if (node !== null) options.setNumber(node, value);
    });
  };
  number.addEventListener('change', commit);
  number.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      commit();
      options.editor?.focus();
    } else if (event.key === 'Escape') {
      number.value = dom.getAttribute('data-number') ?? '';
      options.editor?.focus();
    }
  });
  fields.append(number);

  if (options.restarts !== undefined) {
    const label = document.createElement('label');
    label.className = 'res-heading-restart';
    const box = document.createElement('input');
    box.type = 'checkbox';
    box.checked = options.restarts;
    box.disabled = !editable;
    keepOwnEvents(box);
    box.addEventListener('change', () => {
      options.editor?.update(() => {
        const node = $getNodeByKey(options.key);
        if (node !== null) options.setRestarts?.(node, box.checked);
      });
    });
    label.append(box, document.createTextNode(' numbering restarts at 1'));
    fields.append(label);
    dom.toggleAttribute('data-restarts', options.restarts);
  }

  // Not Lexical's DOM: its mutation observer leaves it be, and a caret in the field stays there.
  setDOMUnmanaged(fields, { captureSelection: true });
  const text = document.createElement('h3');
  text.className = 'res-heading-text';
  dom.append(fields, text);
  return dom;
}

/** The element Lexical puts the heading's text in (the node's DOM slot). */
export function headingTextElement(dom: HTMLElement): HTMLElement {
  const text = dom.querySelector(':scope > .res-heading-text');
  if (!(text instanceof HTMLElement)) throw new Error('headingTextElement: not a heading DOM');
  return text;
}

/** Shows a changed number or restart choice (an undo, a collaborator's change) in the fields. */
export function updateHeadingDOM(dom: HTMLElement, number: string, restarts?: boolean): void {
  if (dom.getAttribute('data-number') !== number) {
    dom.setAttribute('data-number', number);
    const field = dom.querySelector(':scope > .res-heading-fields > .res-heading-number');
    if (field instanceof HTMLInputElement && field.value !== number) field.value = number;
  }
  if (restarts !== undefined && dom.hasAttribute('data-restarts') !== restarts) {
    dom.toggleAttribute('data-restarts', restarts);
    const box = dom.querySelector(':scope > .res-heading-fields input[type="checkbox"]');
    if (box instanceof HTMLInputElement) box.checked = restarts;
  }
}

/**
 * Copied HTML: the number and the heading as text ("I", a line break, the heading), since other
 * applications do not read inputs; Lexical appends the children after the number.
 */
export function exportHeadingElement(document: Document, className: string, number: string): HTMLElement {
  const element = document.createElement('h3');
  element.className = className;
  if (number !== '') {
    const span = document.createElement('span');
    span.className = 'res-label';
    span.textContent = number;
    element.append(span, document.createElement('br'));
  }
  return element;
}
