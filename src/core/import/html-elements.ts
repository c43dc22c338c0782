/**
 * What an HTML element means for the text of a resolution: skipped, a block (a line's end), italic,
 * raised. Shared by the reader of HTML in the core (html.ts, no DOM) and the paste of HTML in the
 * editor (editor/plugins/paste/htmlText.ts, the browser's DOMParser), so that a web page reads the
 * same pasted or opened. Kept apart from html.ts so that the editor's first screen takes these few
 * lines without the tokenizer and the reader.
 */

/** Elements whose content is not text of the document. */
export const HTML_SKIPPED: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'meta',
  'link',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'img',
  'picture',
  'input',
  'button',
  'select',
  'textarea',
]);

/** Elements that end a line (a paragraph of the text). */
export const HTML_BLOCKS: ReadonlySet<string> = new Set([
  'p',
  'div',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'section',
  'article',
  'header',
  'footer',
  'aside',
  'nav',
  'main',
  'address',
  'figure',
  'figcaption',
  'table',
  'tr',
  'hr',
  'body',
]);

const ITALIC_TAGS: ReadonlySet<string> = new Set(['i', 'em', 'cite', 'dfn', 'var']);

/** Whether an element's text is italic, given its tag, its style attribute and its parent's. */
export function htmlItalic(tag: string, style: string, inherited: boolean): boolean {
  const s = style.toLowerCase();
  if (/font-style\s*:\s*normal/.test(s)) return false;
  return inherited || ITALIC_TAGS.has(tag) || /font-style\s*:\s*(italic|oblique)/.test(s);
}

/**
 * Whether an element's text is raised: `<sup>`, `vertical-align: super`, and Word's footnote
 * references, which it marks with a class (MsoFootnoteReference) and a link to the note (`#_ftn1`
 * in the text, `#_ftnref1` in the list of notes), not with `<sup>`.
 */
export function htmlSuperscript(
  tag: string,
  attribute: (name: string) => string | null | undefined,
  inherited: boolean,
): boolean {
  if (inherited || tag === 'sup') return true;
  const style = (attribute('style') ?? '').toLowerCase();
  if (/vertical-align\s*:\s*super/.test(style) || /mso-special-character\s*:\s*footnote/.test(style))
    return true;
  if (/(?:foot|end)note-?ref/i.test(attribute('class') ?? '')) return true;
  return tag === 'a' && /^#_(?:ftn|edn)/.test(attribute('href') ?? '');
}

/**
 * The digits of a raised footnote mark as printed: "3" for "3" and for Word's "[3]"; undefined when
 * the raised text is something else ("th", "er").
 */
export function footnoteMarkDigits(text: string): string | undefined {
  return /^\s*\[?(\d{1,3})\]?\s*$/.exec(text)?.[1];
}
