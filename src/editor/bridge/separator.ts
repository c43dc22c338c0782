/**
 * The space between an opener and the rest of its paragraph. The model keeps the opener apart and
 * `content` starts after "the opener and one space" (core/model/types.ts, PreambularParagraph); in
 * the editor that space is ordinary text after the OpenerNode, so the paragraph reads and edits as
 * printed. None is written before closing punctuation, as `joinOpener` (core/model/inline.ts) does.
 */
import type { Inline } from '../../core/model/types.ts';

/** Whether importing `content` after a non-empty opener needs a separating space. */
export function needsSeparator(content: readonly Inline[]): boolean {
  const first = content[0];
  if (first === undefined) return false;
  return !(first.type === 'text' && /^[,;:.]/.test(first.text));
}

/** Removes the separating space from the content read after an opener (undoes `needsSeparator`). */
export function stripSeparator(content: readonly Inline[]): Inline[] {
  const [first, ...rest] = content;
  if (first === undefined || first.type !== 'text' || first.italic || !first.text.startsWith(' '))
    return [...content];
  const text = first.text.slice(1);
  return text === '' ? rest : [{ type: 'text', text }, ...rest];
}
