/**
 * A strict reader of an XML file someone hands the app (Akoma Ntoso): the whole file as a tree of
 * elements with their namespaces resolved, or a reason it was refused. Unlike the forgiving reader of
 * the XML inside a .docx (xml.ts), this one takes nothing on trust:
 * - a document type declaration (DOCTYPE) is refused, not skipped: it is where entity expansion
 *   ("billion laughs") and external entities (a file or address read into the document) come from,
 *   and a file of data needs none;
 * - an entity other than XML's five and numeric character references is refused;
 * - a file over `maxBytes`, or nested deeper than `maxDepth`, is refused before it costs memory;
 * - a file that is not well-formed (tags that do not match, text outside the root, a stray `<`) is
 *   refused, with the line where it goes wrong.
 */

export interface XmlElement {
  /** The namespace's URI ('' for none). */
  readonly ns: string;
  /** The local name, without its prefix. */
  readonly name: string;
  /** The attributes by their name as written (prefix included), namespace declarations left out. */
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

export type XmlNode = XmlElement | string;

export interface XmlLimits {
  readonly maxBytes: number;
  readonly maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxBytes: 10 * 1024 * 1024, maxDepth: 100 };

export type XmlTreeResult =
  { readonly ok: true; readonly root: XmlElement } | { readonly ok: false; readonly error: string };

const XML_NAMESPACE = 'http://www.w3.org/XML/1998/namespace';

const PREDEFINED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

const NAME = '[A-Za-z_][\\w.-]*(?::[A-Za-z_][\\w.-]*)?';
const TOKEN = new RegExp(
  [
    '<\\?[\\s\\S]*?\\?>', // a processing instruction or the XML declaration
    '<!--[\\s\\S]*?-->',
    '<!\\[CDATA\\[([\\s\\S]*?)\\]\\]>',
    '(<!DOCTYPE)',
    `<(/?)(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`,
    '([^<]+)',
    '(<)', // anything else that starts with "<": not well-formed
  ].join('|'),
  'g',
);
const ATTR = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"<]*)"|'([^'<]*)')`, 'g');

class Refusal extends Error {}

function decode(text: string, line: () => number): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;\s&<]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new Refusal(`a bare "&" on line ${line()} (it must be written &amp;)`);
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const digits = hex ? ref.slice(2) : ref.slice(1);
      const code = hex
        ? /^[0-9a-fA-F]+$/.test(digits)
          ? parseInt(digits, 16)
          : NaN
        : /^\d+$/.test(digits)
          ? parseInt(digits, 10)
          : NaN;
      if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff)
        throw new Refusal(`a character reference that is not a character, ${whole}, on line ${line()}`);
      return String.fromCodePoint(code);
    }
    const named = PREDEFINED[ref];
    if (named === undefined)
      throw new Refusal(
        `an entity, ${whole}, on line ${line()}: only XML's own (&amp; &lt; &gt; &quot; &apos;) and character references are read`,
      );
    return named;
  });
}

interface Open {
  readonly qname: string;
  readonly prefixes: ReadonlyMap<string, string>;
  readonly attrs: Record<string, string>;
  readonly children: XmlNode[];
}

/** The file's tree, or why it was refused (a sentence to show the user). */
export function readXmlTree(text: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlTreeResult {
  // Characters are at least one byte each: a text longer than the limit in characters is over it.
  const bytes = text.length > limits.maxBytes ? text.length : new TextEncoder().encode(text).length;
  if (bytes > limits.maxBytes)
    return {
      ok: false,
      error: `the file is ${megabytes(bytes)}, more than the ${megabytes(limits.maxBytes)} a resolution's XML can be`,
    };
  try {
    return { ok: true, root: build(text.replace(/^\uFEFF/, ''), limits) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, error: e.message };
    throw e;
  }
}

const megabytes = (n: number): string => `${(n / (1024 * 1024)).toFixed(n < 1024 * 1024 ? 2 : 0)} MB`;

function build(text: string, limits: XmlLimits): XmlElement {
  const stack: Open[] = [];
  let root: XmlElement | null = null;
  let at = 0;
  const line = (): number => text.slice(0, at).split('\n').length;
  const top = (): Open | undefined => stack[stack.length - 1];
  const resolve = (
    qname: string,
    scope: ReadonlyMap<string, string>,
    attribute: boolean,
  ): [string, string] => {
    const colon = qname.indexOf(':');
    if (colon < 0) return [attribute ? '' : (scope.get('') ?? ''), qname];
    const prefix = qname.slice(0, colon);
    if (prefix === 'xml') return [XML_NAMESPACE, qname.slice(colon + 1)];
    const ns = scope.get(prefix);
    if (ns === undefined) throw new Refusal(`the prefix "${prefix}" on line ${line()} is not declared`);
    return [ns, qname.slice(colon + 1)];
  };
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m; m = TOKEN.exec(text)) {
    at = m.index;
    const [whole, cdata, doctype, slash, qname, attrText, selfClose, chars, stray] = m;
    if (doctype !== undefined)
      throw new Refusal(
        `it declares a document type (DOCTYPE, line ${line()}), which can define entities that expand or read other files; Akoma Ntoso needs none`,
      );
    if (stray !== undefined) throw new Refusal(`it is not well-formed XML: a stray "<" on line ${line()}`);
    if (chars !== undefined || cdata !== undefined) {
      const value = cdata ?? decode(chars ?? '', line);
      const parent = top();
      if (parent === undefined) {
        if (value.trim() !== '')
          throw new Refusal(`it is not well-formed XML: text outside the root element on line ${line()}`);
        continue;
      }
      const last = parent.children[parent.children.length - 1];
      if (typeof last === 'string') parent.children[parent.children.length - 1] = last + value;
      else parent.children.push(value);
      continue;
    }
    if (qname === undefined) {
      // A comment, the declaration or a processing instruction: nothing the reading needs.
      if (whole.startsWith('<?') && !/^<\?[A-Za-z_]/.test(whole))
        throw new Refusal(`it is not well-formed XML: "<?" on line ${line()}`);
      continue;
    }
    if (slash) {
      const open = stack.pop();
      if (open === undefined || open.qname !== qname)
        throw new Refusal(
          `it is not well-formed XML: </${qname}> on line ${line()} closes ${open ? `<${open.qname}>` : 'nothing'}`,
        );
      const element = finish(open, resolve);
      const parent = top();
      if (parent) parent.children.push(element);
      else root = element;
      continue;
    }
    if (stack.length === 0 && root !== null)
      throw new Refusal(`it is not well-formed XML: a second root element on line ${line()}`);
    if (stack.length >= limits.maxDepth)
      throw new Refusal(`its elements are nested more than ${limits.maxDepth} deep (line ${line()})`);
    const attrs: Record<string, string> = {};
    const prefixes = new Map(top()?.prefixes ?? []);
    for (const a of (attrText ?? '').matchAll(ATTR)) {
      const name = a[1] ?? '';
      if (name in attrs) throw new Refusal(`the attribute ${name} appears twice on line ${line()}`);
      const value = decode(a[2] ?? a[3] ?? '', line);
      if (name === 'xmlns') prefixes.set('', value);
      else if (name.startsWith('xmlns:')) prefixes.set(name.slice(6), value);
      else attrs[name] = value;
    }
    const open: Open = { qname, prefixes, attrs, children: [] };
    if (selfClose === '/') {
      const element = finish(open, resolve);
      const parent = top();
      if (parent) parent.children.push(element);
      else root = element;
    } else stack.push(open);
  }
  const unclosed = top();
  if (unclosed) throw new Refusal(`it is not well-formed XML: <${unclosed.qname}> is never closed`);
  if (root === null) throw new Refusal('it holds no XML element');
  return root;
}

function finish(
  open: Open,
  resolve: (qname: string, scope: ReadonlyMap<string, string>, attribute: boolean) => [string, string],
): XmlElement {
  const [ns, name] = resolve(open.qname, open.prefixes, false);
  for (const a of Object.keys(open.attrs)) resolve(a, open.prefixes, true);
  return { ns, name, attrs: open.attrs, children: open.children };
}

/** The element children of `el`, in order. */
export const elements = (el: XmlElement): XmlElement[] =>
  el.children.filter((c): c is XmlElement => typeof c !== 'string');

/** The first element child of `el` named `name` (in `el`'s namespace), or undefined. */
export function child(el: XmlElement, name: string): XmlElement | undefined {
  return elements(el).find((c) => c.name === name && c.ns === el.ns);
}

/** Every element child of `el` named `name` (in `el`'s namespace). */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return elements(el).filter((c) => c.name === name && c.ns === el.ns);
}

/** All of `el`'s text, its descendants' included. */
export function textOf(node: XmlNode): string {
  return typeof node === 'string' ? node : node.children.map(textOf).join('');
}
