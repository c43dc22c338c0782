/**
 * The draft as the UN prints it, for the browser's "Print / Save as PDF": A4 pages with the masthead on
 * the first, each footnote at the foot of the page where its marker stands, and nothing of the editor
 * around them.
 *
 * Browsers do not put footnotes at the foot of a page (CSS's `float: footnote` is not in Chromium), so
 * the pages are made here: when printing starts (`beforeprint`), the page's blocks are copied one by one
 * into A4 sheets, each with the footnotes its blocks refer to at its foot; a block that no longer fits
 * with its footnotes starts the next sheet. The sheets are measured on screen at their printed size (the
 * same fonts and widths as print), shown alone in print (styles/print.css), and removed when printing
 * ends. The editor's page itself is never touched.
 */

const VIEW_CLASS = 'print-view';

/** The sheets of `page` (the `article.page` on screen), added to the document; returns them. */
export function buildPrintView(page: HTMLElement): HTMLElement {
  document.querySelector(`body > .${VIEW_CLASS}`)?.remove();
  const view = document.createElement('div');
  view.className = VIEW_CLASS;
  view.setAttribute('aria-hidden', 'true');
  document.body.append(view);

  const body = page.querySelector<HTMLElement>('.page__body');
  const notes = new Map<string, HTMLElement>();
  for (const note of body?.querySelectorAll<HTMLElement>('.res-footnotes > .res-footnote') ?? [])
    if (note.dataset.footnoteId) notes.set(note.dataset.footnoteId, note);
  const placed = new Set<string>();

  let sheet = newSheet(view, page, body);
  const masthead = page.querySelector<HTMLElement>(':scope > .masthead');
  if (masthead) sheet.text.append(masthead.cloneNode(true));

  for (const block of blocksOf(body)) {
    const refs = [...block.element.querySelectorAll<HTMLElement>('.res-fnref')]
      .map((r) => r.dataset.footnoteId ?? '')
      .filter((id) => notes.has(id) && !placed.has(id));
    const add = (target: Sheet): HTMLElement[] => {
      const added: HTMLElement[] = [];
      const copy = block.element.cloneNode(true) as HTMLElement;
      copy.removeAttribute('contenteditable');
      if (block.section) {
        // A block of the annex goes into the sheet's copy of the annex (its heading printed once).
        let holder = target.text.lastElementChild as HTMLElement | null;
        if (holder?.dataset.printSection !== block.section.className) {
          holder = block.section.cloneNode(false) as HTMLElement;
          holder.dataset.printSection = block.section.className;
          if (block.continued || target.sections.has(block.section)) holder.classList.add('print-continued');
          target.sections.add(block.section);
          target.text.append(holder);
          added.push(holder);
        }
        holder.append(copy);
      } else target.text.append(copy);
      added.push(copy);
      for (const id of refs) {
        const note = notes.get(id)?.cloneNode(true) as HTMLElement | undefined;
        if (!note) continue;
        target.notes.append(note);
        added.push(note);
      }
      target.notes.hidden = target.notes.childElementCount === 0;
      return added;
    };
    const added = add(sheet);
    if (overflows(sheet) && sheet.blocks > 0) {
      for (const element of added) element.remove();
      sheet.notes.hidden = sheet.notes.childElementCount === 0;
      sheet = newSheet(view, page, body);
      add(sheet);
    }
    sheet.blocks++;
    for (const id of refs) placed.add(id);
  }
  return view;
}

/** Removes the sheets (printing is over). */
export function removePrintView(): void {
  document.querySelector(`body > .${VIEW_CLASS}`)?.remove();
}

/**
 * Makes the sheets whenever the browser prints (Ctrl+P, the menu, "Save as PDF"), from the draft on
 * screen, and removes them after. Returns a function that stops it.
 */
export function installPrintView(): () => void {
  const before = (): void => {
    const page = document.querySelector<HTMLElement>('article.page');
    if (page) buildPrintView(page);
  };
  const after = (): void => removePrintView();
  window.addEventListener('beforeprint', before);
  window.addEventListener('afterprint', after);
  return () => {
    window.removeEventListener('beforeprint', before);
    window.removeEventListener('afterprint', after);
    removePrintView();
  };
}

interface Sheet {
  readonly element: HTMLElement;
  readonly text: HTMLElement;
  readonly notes: HTMLElement;
  /** The sections (annex) already begun on this sheet. */
  readonly sections: Set<Element>;
  blocks: number;
}

function newSheet(view: HTMLElement, page: HTMLElement, body: HTMLElement | null): Sheet {
  const element = document.createElement('div');
  element.className = 'page print-page';
  if (page.dataset.kind) element.dataset.kind = page.dataset.kind;
  const text = document.createElement('div');
  text.className = 'page__body print-page__text';
  // Page-wide switches the structure plugin sets (a lone operative paragraph is not numbered).
  if (body?.hasAttribute('data-lone-operative')) text.setAttribute('data-lone-operative', '');
  const notes = document.createElement('div');
  notes.className = 'res-footnotes print-page__notes';
  notes.hidden = true;
  element.append(text, notes);
  view.append(element);
  return { element, text, notes, sections: new Set(), blocks: 0 };
}

/** Whether the sheet's text and footnotes no longer fit on it. */
function overflows(sheet: Sheet): boolean {
  return sheet.text.scrollHeight > sheet.text.clientHeight + 1;
}

interface Block {
  readonly element: HTMLElement;
  /** The section (the annex) it is printed in, if any. */
  readonly section: HTMLElement | null;
  readonly continued: boolean;
}

/** The page's blocks in order: the annex's one by one; the footnotes' section is not among them. */
function blocksOf(body: HTMLElement | null): Block[] {
  const out: Block[] = [];
  for (const child of body?.children ?? []) {
    if (!(child instanceof HTMLElement) || child.classList.contains('res-footnotes')) continue;
    if (child.localName === 'section') {
      [...child.children].forEach((inner, k) => {
        if (inner instanceof HTMLElement) out.push({ element: inner, section: child, continued: k > 0 });
      });
    } else out.push({ element: child, section: null, continued: false });
  }
  return out;
}
