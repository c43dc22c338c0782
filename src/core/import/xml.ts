/**
 * A small, forgiving reader of the XML in a .docx: start tags with their attributes, end tags and
 * text, in document order. The core has no DOM (it runs in Node and workers too), and WordprocessingML
 * needs no more than this. Entities beyond the five predefined and numeric references are left as
 * written: a DOCTYPE is skipped, never expanded (no "billion laughs").
 */

export type XmlEvent =
  | {
      readonly type: 'open';
      readonly name: string;
      readonly attrs: Readonly<Record<string, string>>;
      readonly selfClosing: boolean;
    }
  | { readonly type: 'close'; readonly name: string }
  | { readonly type: 'text'; readonly text: string };

const TOKEN =
  /<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)|</g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/**
 * Character references decoded: numeric ones and the named ones of `named` (XML's five by default);
 * an unknown name is left as written. `numeric` maps a code point before it is decoded (HTML reads
 * &#146; as Windows-1252 does).
 */
export function decodeEntities(
  text: string,
  named: Readonly<Record<string, string>> = NAMED,
  numeric: (code: number) => number = (code) => code,
): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z][a-zA-Z0-9]*);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = numeric(hex ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return named[ref] ?? whole;
  });
}

/** The events of an XML text, one at a time. */
export function* xmlEvents(xml: string): Generator<XmlEvent> {
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const [whole, cdata, slash, name, attrText, selfClose, text] = m;
    if (name !== undefined) {
      if (slash) {
        yield { type: 'close', name };
        continue;
      }
      const attrs: Record<string, string> = {};
      if (attrText)
        for (const a of attrText.matchAll(ATTR)) if (a[1]) attrs[a[1]] = decodeEntities(a[2] ?? a[3] ?? '');
      yield { type: 'open', name, attrs, selfClosing: selfClose === '/' };
      if (selfClose === '/') yield { type: 'close', name };
    } else if (text !== undefined) yield { type: 'text', text: decodeEntities(text) };
    else if (cdata !== undefined) yield { type: 'text', text: cdata };
    else if (whole === '<') yield { type: 'text', text: '<' };
  }
}

/**
 * HTML as it comes from the web and from Word's "Save as Web Page", read with the same small
 * tokenizer idea: attribute values may be unquoted (`class=MsoNormal`) or absent (`nowrap`), tag
 * names are lower-cased, `<!DOCTYPE>` and Word's downlevel conditionals (`<![if !supportLists]>`,
 * `<![endif]>`) are dropped while what they wrap is kept, the content of `<script>`, `<style>`,
 * `<textarea>` and `<title>` is raw text (never read as tags; the caller decides whether to skip it),
 * and HTML's named character references are decoded (`&nbsp;` `&rsquo;` `&eacute;` …). No tree is
 * built: closing what the author left open is the caller's business.
 */
const HTML_TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<![^>]*>|<\?[^>]*>|<(\/?)([A-Za-z][\w:.-]*)((?:\s+[^\s=/>]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?|\s*\/(?!\s*>))*)\s*(\/?)>|([^<]+)|</g;
const HTML_ATTR = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp']);

export function* htmlEvents(html: string): Generator<XmlEvent> {
  const token = new RegExp(HTML_TOKEN); // its own lastIndex: two readings may interleave
  for (let m = token.exec(html); m; m = token.exec(html)) {
    const [whole, slash, rawName, attrText, selfClose, text] = m;
    if (rawName !== undefined) {
      const name = rawName.toLowerCase();
      if (slash) {
        yield { type: 'close', name };
        continue;
      }
      const attrs: Record<string, string> = {};
      if (attrText)
        for (const a of attrText.matchAll(HTML_ATTR))
          if (a[1]) attrs[a[1].toLowerCase()] = decodeHtmlEntities(a[2] ?? a[3] ?? a[4] ?? '');
      yield { type: 'open', name, attrs, selfClosing: selfClose === '/' };
      if (RAW_TEXT.has(name) && selfClose !== '/') {
        // Raw text runs to the matching end tag (or the end): `<script>if (a<b)</script>`.
        const end = new RegExp(`</${name}[\\s>/]`, 'ig');
        end.lastIndex = token.lastIndex;
        const found = end.exec(html);
        const stop = found ? found.index : html.length;
        const raw = html.slice(token.lastIndex, stop);
        if (raw !== '') yield { type: 'text', text: raw };
        token.lastIndex = stop;
      }
    } else if (text !== undefined) yield { type: 'text', text: decodeHtmlEntities(text) };
    else if (whole === '<') yield { type: 'text', text: '<' };
  }
}

/** Text with HTML's character references decoded, as a browser reads them. */
export function decodeHtmlEntities(text: string): string {
  return decodeEntities(text, HTML_NAMED, windows1252);
}

/**
 * &#128;–&#159; name the characters Windows-1252 puts there (HTML's rule for legacy pages); the same
 * table decodes those bytes, which Node 20's TextDecoder reads as C1 controls.
 */
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
export function windows1252(code: number): number {
  return code >= 0x80 && code <= 0x9f ? (CP1252.codePointAt(code - 0x80) ?? code) : code;
}

/** Latin-1's names, &nbsp; (U+00A0) to &yuml; (U+00FF), in code point order. */
const LATIN1 =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml';

const HTML_NAMED: Readonly<Record<string, string>> = {
  ...NAMED,
  ...Object.fromEntries(LATIN1.split(' ').map((name, i) => [name, String.fromCharCode(0xa0 + i)])),
  OElig: 'Œ',
  oelig: 'œ',
  Scaron: 'Š',
  scaron: 'š',
  Yuml: 'Ÿ',
  fnof: 'ƒ',
  circ: 'ˆ',
  tilde: '˜',
  ensp: '\u2002',
  emsp: '\u2003',
  thinsp: '\u2009',
  zwnj: '\u200c',
  zwj: '\u200d',
  lrm: '\u200e',
  rlm: '\u200f',
  hyphen: '\u2010',
  dash: '\u2010',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  dagger: '†',
  Dagger: '‡',
  bull: '•',
  hellip: '…',
  permil: '‰',
  prime: '′',
  Prime: '″',
  lsaquo: '‹',
  rsaquo: '›',
  oline: '‾',
  euro: '€',
  trade: '™',
  minus: '−',
  NoBreak: '\u2060',
};
