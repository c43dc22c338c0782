/** Reads the XML parts of a produced .docx, so tests assert on document.xml, never on zip bytes. */
import JSZip from 'jszip';

export interface DocxParts {
  readonly document: string;
  readonly footnotes: string;
  readonly styles: string;
  readonly settings: string;
  /** header*.xml and footer*.xml by file name. */
  readonly headers: Readonly<Record<string, string>>;
}

export async function docxParts(bytes: Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const part = async (name: string): Promise<string> => (await zip.file(name)?.async('string')) ?? '';
  const headers: Record<string, string> = {};
  for (const name of Object.keys(zip.files))
    if (/^word\/(header|footer)\d+\.xml$/.test(name)) headers[name] = await part(name);
  return {
    document: await part('word/document.xml'),
    footnotes: await part('word/footnotes.xml'),
    styles: await part('word/styles.xml'),
    settings: await part('word/settings.xml'),
    headers,
  };
}

/** The paragraphs of a part, each as its style id and its text (w:t and w:delText, tabs as \t). */
export function paragraphs(xml: string): { style: string; text: string; xml: string }[] {
  return [...xml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? '';
    const text = [...body.matchAll(/<w:(?:t|delText)\b[^>]*>([^<]*)<\/w:(?:t|delText)>|<w:tab\/>/g)]
      .map((t) => (t[0] === '<w:tab/>' ? '\t' : (t[1] ?? '')))
      .join('')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');
    return { style, text, xml: body };
  });
}
