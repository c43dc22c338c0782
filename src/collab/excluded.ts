/**
 * What the shared document never carries: the numbers every peer derives from position (operative
 * numbers, subparagraph labels, footnote markers). Lexical applies a collaborator's change without
 * running node transforms, so a number written by one peer from its own view of the tree could be
 * wrong once two peers' paragraphs meet. Kept out of Yjs, each peer writes them itself from the merged
 * tree (transforms/structure.ts, `$renumberResolution`), and all agree whatever order updates arrive in.
 */
import type { ExcludedProperties } from '@lexical/yjs';
import type { Klass, LexicalNode } from 'lexical';
import { FootnoteNode } from '../editor/nodes/FootnoteNode.ts';
import { FootnoteRefNode } from '../editor/nodes/FootnoteRefNode.ts';
import { OperativeParagraphNode } from '../editor/nodes/OperativeParagraphNode.ts';
import { SubparagraphNode } from '../editor/nodes/SubparagraphNode.ts';

export function derivedProperties(): ExcludedProperties {
  return new Map<Klass<LexicalNode>, Set<string>>([
    [OperativeParagraphNode, new Set(['__number'])],
    [SubparagraphNode, new Set(['__label'])],
    [FootnoteRefNode, new Set(['__number'])],
    [FootnoteNode, new Set(['__number'])],
  ]);
}
