/**
 * Builders for fixtures (ARCHITECTURE.md convention 9: fixtures are built, not pasted JSON).
 *
 *   res({ title: 'T', preamble: [pre('Recalling', 'its resolution 5/1,')], operative: [op('Requests', 'the Office;')] })
 *
 * Text arguments accept `{fn:id}` markers, which become footnote references: `'the Convention,{fn:f1}'`.
 */
import type {
  Annex,
  Footnote,
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../../src/core/model/types.ts';
import { SCHEMA_VERSION } from '../../src/core/model/types.ts';

export const COP_ORGAN =
  'Conference of the Parties to the United Nations Convention against Transnational Organized Crime';

/** Text with `{fn:id}` markers and `*italic*` spans → inline content. */
export function inl(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /\{fn:([^}]+)\}|\*([^*]+)\*/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ type: 'text', text: text.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ type: 'footnoteRef', footnoteId: m[1] });
    else out.push({ type: 'text', text: m[2] ?? '', italic: true });
    last = re.lastIndex;
  }
  if (last < text.length) out.push({ type: 'text', text: text.slice(last) });
  return out;
}

export function pre(opener: string, text: string): PreambularParagraph {
  return { opener, content: inl(text) };
}

export function op(
  opener: string,
  text: string,
  subparagraphs: Subparagraph[] = [],
  label?: string,
): OperativeParagraph {
  return label === undefined
    ? { opener, content: inl(text), subparagraphs }
    : { label, opener, content: inl(text), subparagraphs };
}

export function sub(text: string, subparagraphs: Subparagraph[] = [], label?: string): Subparagraph {
  return label === undefined
    ? { content: inl(text), subparagraphs }
    : { label, content: inl(text), subparagraphs };
}

export function fn(id: string, text: string, resolved?: string, number?: number): Footnote {
  return {
    id,
    content: inl(text),
    ...(resolved === undefined ? {} : { resolved }),
    ...(number === undefined ? {} : { number }),
  };
}

export function annex(title: string, items: Subparagraph[], intro = ''): Annex {
  return { title, intro: inl(intro), items };
}

export function res(parts: Partial<Omit<ResolutionDocument, 'schemaVersion'>> = {}): ResolutionDocument {
  return {
    schemaVersion: SCHEMA_VERSION,
    kind: 'resolution',
    organ: COP_ORGAN,
    formula: `The ${COP_ORGAN},`,
    title: 'Untitled draft',
    metadata: {},
    preamble: [],
    operative: [],
    annex: null,
    footnotes: [],
    ...parts,
  };
}
