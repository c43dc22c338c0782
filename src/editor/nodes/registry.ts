/**
 * The nodes of the drafting editor, registered together: `createEditor({ nodes: ResolutionNodes })`.
 *
 * How a resolution lies in the editor (UN practice: the parts of a resolution, in order):
 *
 *   root
 *   ├─ TitleNode                          exactly one, first
 *   ├─ FormulaNode                        exactly one, second
 *   ├─ PreambularParagraphNode*           [OpenerNode] inline…
 *   │  SubparagraphNode*                  a preambular paragraph's own (a), (b) (it ends with a colon)
 *   ├─ OperativeParagraphNode             [OpenerNode] inline…            data-number="1"
 *   │  SubparagraphNode level 1           inline…                          data-label="(a)"
 *   │  SubparagraphNode level 2           inline…                          data-label="(i)"
 *   ├─ OperativeParagraphNode …           (operative paragraphs and their subparagraphs, flat)
 *   ├─ SectionHeadingNode*                number "I" | "", restartsNumbering; inline… (the heading)
 *   │  (the section's preambular paragraphs, then its operative paragraphs, laid out as above)
 *   ├─ AnnexNode?                         shadow root
 *   │  ├─ AnnexTitleNode                  exactly one, first
 *   │  ├─ AnnexIntroNode?                 at most one, second
 *   │  └─ SubparagraphNode*               the items: level 1 = (a), deeper = their subparagraphs,
 *   │     AnnexHeadingNode*               with headings (number "I" | "") between them
 *   └─ FootnotesNode?                     shadow root, last, only when there are footnotes
 *      └─ FootnoteNode*                   footnoteId + inline content, in order of first reference
 *
 *   inline: TextNode (italic kept), PlaceholderNode (‹…› of a template), OpenerNode (first child of a preambular or operative paragraph
 *   only), FootnoteRefNode (footnoteId), ReferenceNode (refKind + refId, wraps text), LineBreakNode.
 *
 * Why subparagraphs are flat siblings and not children of their paragraph: a block that mixed its
 * own text with nested blocks would fight Lexical's selection, Enter and Backspace, which expect a
 * block to hold either inline content or blocks. Flat, every paragraph is an ordinary text block;
 * Enter in (b) makes (c), and changing a level is one property. The nesting is implied by order and
 * level (a level-n subparagraph belongs to the nearest level n-1 one before it, level 1 to the
 * preambular or operative paragraph or annex before it), rebuilt by the bridge and kept valid by
 * the transforms.
 *
 * Why sections are a heading and not a container: a section is the same parts again (preamble, then
 * operative paragraphs), and every rule of the transforms, the keys and the paste already works on a
 * flat run of paragraphs; a heading only marks where the next run starts. The preamble → operative
 * order is kept within each run, and numbering runs on or restarts at a heading as its node says.
 *
 * Why the annex and the footnotes are containers: each is a region with its own rules (the annex
 * has a title and lettered items; footnote texts are outside the paragraph flow), and a container
 * makes the boundary a node instead of a convention, so deleting the annex is one node and an item
 * at the end of the annex can never be mistaken for a subparagraph of the last operative paragraph.
 *
 * Derived values (operative numbers, subparagraph labels, footnote numbers) are stored on the nodes
 * so that `createDOM`/`updateDOM` can show them, and are rewritten by `registerStructureTransforms`
 * (transforms/structure.ts) after every update: they are never the truth, position is.
 */
import type { Klass, LexicalNode } from 'lexical';
import { AnnexHeadingNode } from './AnnexHeadingNode.ts';
import { AnnexIntroNode } from './AnnexIntroNode.ts';
import { AnnexNode } from './AnnexNode.ts';
import { AnnexTitleNode } from './AnnexTitleNode.ts';
import { FootnoteNode } from './FootnoteNode.ts';
import { FootnoteRefNode } from './FootnoteRefNode.ts';
import { FootnotesNode } from './FootnotesNode.ts';
import { FormulaNode } from './FormulaNode.ts';
import { OpenerNode } from './OpenerNode.ts';
import { OperativeParagraphNode } from './OperativeParagraphNode.ts';
import { PlaceholderNode } from './PlaceholderNode.ts';
import { PreambularParagraphNode } from './PreambularParagraphNode.ts';
import { ReferenceNode } from './ReferenceNode.ts';
import { SectionHeadingNode } from './SectionHeadingNode.ts';
import { SubparagraphNode } from './SubparagraphNode.ts';
import { TitleNode } from './TitleNode.ts';

export const ResolutionNodes: readonly Klass<LexicalNode>[] = [
  TitleNode,
  FormulaNode,
  PreambularParagraphNode,
  OperativeParagraphNode,
  SubparagraphNode,
  SectionHeadingNode,
  AnnexNode,
  AnnexTitleNode,
  AnnexIntroNode,
  AnnexHeadingNode,
  FootnotesNode,
  FootnoteNode,
  OpenerNode,
  FootnoteRefNode,
  ReferenceNode,
  PlaceholderNode,
];
