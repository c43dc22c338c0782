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

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#x') || ref.startsWith('#')) {
      const code = ref.startsWith('#x') ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref] ?? whole;
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
