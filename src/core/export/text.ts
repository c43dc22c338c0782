/**
 * A resolution as plain text, laid out the way UN documents print it and the recognizer
 * (src/core/parse/recognize.ts) reads it: heading, title, formula, preambular paragraphs (with the
 * (a), (b) a paragraph ending with a colon lists), numbered operative paragraphs, (a)/(i)
 * subparagraphs, the sections of an omnibus resolution (the number alone on its line, the heading,
 * then the section's paragraphs, A/RES/78/247), annex (its headings between the items), then the
 * footnotes.
 */
import type {
  Inline,
  OperativeParagraph,
  PreambularParagraph,
  ResolutionDocument,
  Subparagraph,
} from '../model/types.ts';
import { joinOpener } from '../model/inline.ts';
import { sectionOperativeLabels, subparagraphLabel } from './labels.ts';

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

export function superscript(n: number): string {
  return String(n)
    .split('')
    .map((d) => SUPERSCRIPTS[Number(d)] ?? d)
    .join('');
}

export interface TextOptions {
  /** Keep italics as `*asterisks*` (openers and titles of publications), so the text reads back exactly. */
  readonly markup?: boolean;
  /** Footnote numbers as printed in the source (the report numbers across documents) or 1, 2, 3 in order. */
  readonly footnoteNumbers?: 'original' | 'sequential';
}

/** The number each footnote gets in this rendering, by id. */
export function footnoteNumbering(
  doc: ResolutionDocument,
  mode: TextOptions['footnoteNumbers'] = 'original',
): Map<string, number> {
  const numbers = new Map<string, number>();
  doc.footnotes.forEach((f, k) =>
    numbers.set(f.id, mode === 'original' && f.number !== undefined ? f.number : k + 1),
  );
  return numbers;
}

export function renderInlines(
  content: readonly Inline[],
  numbers: ReadonlyMap<string, number>,
  markup: boolean,
): string {
  return content
    .map((part) => {
      if (part.type === 'footnoteRef') return superscript(numbers.get(part.footnoteId) ?? 0);
      return markup && part.italic ? `*${part.text}*` : part.text;
    })
    .join('');
}

export function renderPlainText(doc: ResolutionDocument, options: TextOptions = {}): string {
  const markup = options.markup ?? false;
  const numbers = footnoteNumbering(doc, options.footnoteNumbers);
  const text = (content: readonly Inline[]): string => renderInlines(content, numbers, markup);
  const opener = (o: string): string => (markup && o !== '' ? `*${o}*` : o);
  const blocks: string[] = [];
  if (doc.number) blocks.push(`${doc.kind === 'decision' ? 'Decision' : 'Resolution'} ${doc.number}`);
  if (doc.title) blocks.push(doc.title);
  if (doc.formula) blocks.push(doc.formula);
  const subLines = (subs: readonly Subparagraph[], depth: number): string[] =>
    subs.flatMap((s, k) => [
      `${s.label ?? subparagraphLabel(depth, k + 1)} ${text(s.content)}`,
      ...subLines(s.subparagraphs, depth + 1),
    ]);
  /** A heading as printed: its number alone on a line, then the heading (either may be absent). */
  const heading = (number: string, title: string): void => {
    if (number !== '') blocks.push(number);
    if (title !== '') blocks.push(title);
  };
  const lettered = doc.kind === 'decision';
  const sections = doc.sections ?? [];
  const sectionLabels = sectionOperativeLabels(doc);
  // A lone operative paragraph is not numbered (UN practice).
  const lone =
    !lettered &&
    doc.operative.length === 1 &&
    doc.operative[0]?.label === undefined &&
    sections.every((section) => section.operative.length === 0);
  const part = (
    preamble: readonly PreambularParagraph[],
    operative: readonly OperativeParagraph[],
    labelOf: (p: OperativeParagraph, k: number) => string,
  ): void => {
    for (const p of preamble)
      blocks.push(
        [joinOpener(opener(p.opener), text(p.content)), ...subLines(p.subparagraphs ?? [], 1)].join('\n'),
      );
    const paragraphs = operative.map((p, k) => {
      const label = labelOf(p, k);
      const head = lone ? '' : /^\(/.test(label) ? `${label} ` : `${label}. `;
      // A decision's paragraphs are lettered themselves, so their subparagraphs take (i), (ii).
      return [
        head + joinOpener(opener(p.opener), text(p.content)),
        ...subLines(p.subparagraphs, lettered ? 2 : 1),
      ].join('\n');
    });
    if (paragraphs.length) blocks.push(paragraphs.join('\n'));
  };
  part(
    doc.preamble,
    doc.operative,
    (p, k) => p.label ?? (lettered ? subparagraphLabel(1, k + 1) : String(k + 1)),
  );
  sections.forEach((section, i) => {
    heading(section.number, section.heading);
    part(section.preamble, section.operative, (_p, k) => sectionLabels[i]?.[k] ?? '');
  });

  if (doc.annex) {
    // A decision's attachment (the provisional agenda of decision 6/1) is printed without the "Annex" line.
    if (doc.kind === 'resolution') blocks.push('Annex');
    if (doc.annex.title) blocks.push(doc.annex.title);
    if (doc.annex.intro.length) blocks.push(text(doc.annex.intro));
    const headings = [...(doc.annex.headings ?? [])].sort((a, b) => a.before - b.before);
    let run: string[] = [];
    const flush = (): void => {
      if (run.length) blocks.push(run.join('\n'));
      run = [];
    };
    const headingsBefore = (item: number): void => {
      while (headings.length > 0 && (headings[0]?.before ?? 0) <= item) {
        const h = headings.shift();
        if (!h) break;
        flush();
        heading(h.number, h.heading);
      }
    };
    doc.annex.items.forEach((it, k) => {
      headingsBefore(k);
      const label = it.label ?? subparagraphLabel(1, k + 1);
      const head = /^\(/.test(label) ? `${label} ` : `${label}. `;
      const depth = /^\(/.test(label) ? 2 : 1;
      run.push([head + text(it.content), ...subLines(it.subparagraphs, depth)].join('\n'));
    });
    headingsBefore(Number.POSITIVE_INFINITY);
    flush();
  }
  if (doc.footnotes.length) {
    blocks.push(
      doc.footnotes.map((f) => `${superscript(numbers.get(f.id) ?? 0)} ${text(f.content)}`).join('\n\n'),
    );
  }
  return `${blocks.join('\n\n')}\n`;
}
