/**
 * What the paste figures paste: realistic resolution text, as a drafter copies it out of a report or
 * another draft. The operative paragraphs of the corpus resolutions (6/1-6/4), numbered as printed,
 * with their subparagraphs lettered, one paragraph a line and a blank line between paragraphs,
 * repeated (numbering on) until the text reaches the size asked for; and one long paragraph on a
 * single line, the corpus paragraphs run together after an opener.
 */
import { readReport } from '../src/core/corpus/report.ts';
import { draftFromCorpus } from '../src/core/drafts/start.ts';
import { inlineText, joinOpener } from '../src/core/model/inline.ts';
import type { OperativeParagraph, Subparagraph } from '../src/core/model/types.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const ROMAN = ['i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x', 'xi', 'xii', 'xiii', 'xiv', 'xv'];

function operativeOf(report: string): OperativeParagraph[] {
  return readReport(report)
    .documents.filter((d) => d.kind === 'resolution')
    .map(draftFromCorpus)
    .flatMap((r) => r.operative);
}

function subLines(subs: readonly Subparagraph[], level: number): string[] {
  return subs.flatMap((s, i) => [
    `(${level === 1 ? LETTERS[i % LETTERS.length] : ROMAN[i % ROMAN.length]}) ${inlineText(s.content)}`,
    ...subLines(s.subparagraphs, level + 1),
  ]);
}

/** Bytes of `text` in UTF-8. */
export function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * Numbered operative paragraphs (and their subparagraphs), repeated until the text holds at least
 * `bytes` bytes of UTF-8; cut after the paragraph that reaches it. Returns the text and its paragraph
 * count (subparagraphs included). With `paragraphBytes`, each paragraph runs on through the corpus's
 * next ones (their subparagraphs left out) until it holds that many bytes: a big paste of few
 * paragraphs, which the part's limit of 2,000 paragraphs lets in.
 */
export function operativePaste(
  report: string,
  bytes: number,
  paragraphBytes = 0,
): { text: string; paragraphs: number } {
  const pool = operativeOf(report);
  const parts: string[] = [];
  let size = 0;
  let paragraphs = 0;
  let next = 0;
  for (let i = 0; size < bytes; i++) {
    const p = pool[next++ % pool.length] as OperativeParagraph;
    let first = `${i + 1}. ${joinOpener(p.opener, inlineText(p.content))}`;
    if (paragraphBytes > 0)
      while (utf8Bytes(first) < paragraphBytes) {
        const more = pool[next++ % pool.length] as OperativeParagraph;
        first = `${first.replace(/[;.:]$/, ',')} and ${inlineText(more.content)}`;
      }
    const lines = [first, ...(paragraphBytes > 0 ? [] : subLines(p.subparagraphs, 1))];
    const block = lines.join('\n');
    parts.push(block);
    size += utf8Bytes(block) + 2;
    paragraphs += lines.length;
  }
  return { text: parts.join('\n\n'), paragraphs };
}

/**
 * One paragraph on one line of about `chars` characters: an opener, then the corpus's operative
 * text run together, ending as an operative paragraph ends.
 */
export function singleLinePaste(report: string, chars: number): string {
  const pool = operativeOf(report).map((p) =>
    inlineText(p.content)
      .replace(/[;.]\s*$/, '')
      .replace(/\s+/g, ' '),
  );
  let text = 'Requests the secretariat to';
  for (let i = 0; text.length < chars - 1; i++) text += `, ${pool[i % pool.length] ?? ''}`;
  return `${text.slice(0, chars - 1).trimEnd()};`;
}
