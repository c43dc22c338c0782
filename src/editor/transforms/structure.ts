/**
 * Structure lives in node transforms, not in toolbar handlers (ARCHITECTURE.md convention 4): after
 * every update (typing, paste, drag, undo, a collaborator's change) the document is repaired to the
 * layout described in nodes/registry.ts, and every derived number is rewritten.
 *
 * The repairs, in the order they run:
 *
 * 1. Root order: title → formula → preamble → operative part → sections → annex → footnotes
 *    (UN practice: the parts of a resolution). A missing title or formula is recreated empty; a second one
 *    becomes an ordinary paragraph where it stands. A section (a SectionHeadingNode and the blocks
 *    after it up to the next one) is a preamble and an operative part again: every rule below holds
 *    within the top-level part and within each section, and nothing moves across a heading.
 *    - A subparagraph belongs to the preambular or operative paragraph before it (a preambular
 *      paragraph that ends with a colon lists (a), (b) ... in the preamble, Assembly practice); it
 *      moves with its paragraph and is never made operative because it stands in the preamble.
 *    - A preambular paragraph found after an operative paragraph is MOVED up to the end of the
 *      preamble, with its subparagraphs, keeping its kind. Converting it instead would change its meaning (its opener is a
 *      participle, section 1.3) and, when an operative paragraph is dragged up into the preamble,
 *      would turn every preambular paragraph below it into an operative one; moving leaves every
 *      paragraph what it was and only puts the parts back in their order.
 *    - A subparagraph with no paragraph before it in its part becomes an operative paragraph (the
 *      model has nowhere else to put it): this happens when paragraph 1 is deleted but its (a) kept.
 *    - An annex heading outside the annex becomes a section heading where it stands.
 *    - A plain paragraph (Lexical's default block, e.g. after select-all + delete or a paste) becomes
 *      a preambular paragraph before the operative part and an operative paragraph inside it.
 *    - Annex and footnote parts found outside their container are moved into it; a second annex or
 *      footnotes container is merged into the first; an empty one is removed.
 * 2. Annex: its title first (recreated if missing), then at most one introduction, then items and
 *    the headings between them; a section heading inside becomes an annex heading, any other block
 *    a level-1 item.
 * 3. Inline content: an opener is the first child of a preambular or operative paragraph and is not
 *    empty; one anywhere else becomes an ordinary italic run (it looks the same and says the same in
 *    the model). A reference that lost all its text is removed.
 * 4. Footnotes: entries sorted in order of first reference (references in the footnote texts
 *    themselves do not count); unreferenced ones keep their order at the end, since a reference cut
 *    to be pasted elsewhere must find its text again. A duplicated id gets a fresh one.
 * 5. Numbers: operative paragraphs 1..n in document order, from 1 again after a section heading
 *    that restarts the numbering (SectionHeadingNode.restartsNumbering); subparagraph labels (a),
 *    (b) ... per parent (preambular or operative paragraph, annex item) and (i), (ii) ... one level
 *    deeper (a level that skips one is raised: (i) right under a paragraph or an annex heading
 *    becomes (a)); the annex's items are lettered on across its headings; footnote markers by
 *    order of first reference.
 *
 * Everything is idempotent and writes a node only when a value changes, so the transform loop
 * settles after one extra pass.
 */
import {
  $createTextNode,
  $getRoot,
  $isElementNode,
  $isRootNode,
  ElementNode,
  TextNode,
  $isTextNode,
  COLLABORATION_TAG,
  HISTORIC_TAG,
  SKIP_COLLAB_TAG,
  type EditorState,
  HISTORY_MERGE_TAG,
  mergeRegister,
  RootNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $createAnnexHeadingNode, $isAnnexHeadingNode } from '../nodes/AnnexHeadingNode.ts';
import { $createAnnexNode, $isAnnexNode, type AnnexNode } from '../nodes/AnnexNode.ts';
import { $isAnnexIntroNode, type AnnexIntroNode } from '../nodes/AnnexIntroNode.ts';
import { $createAnnexTitleNode, $isAnnexTitleNode, type AnnexTitleNode } from '../nodes/AnnexTitleNode.ts';
import {
  $createFootnoteNode,
  $createUniqueFootnoteId,
  $isFootnoteNode,
  type FootnoteNode,
} from '../nodes/FootnoteNode.ts';
import { $isFootnoteRefNode, type FootnoteRefNode } from '../nodes/FootnoteRefNode.ts';
import { $createFootnotesNode, $isFootnotesNode, type FootnotesNode } from '../nodes/FootnotesNode.ts';
import { $createFormulaNode, $isFormulaNode, type FormulaNode } from '../nodes/FormulaNode.ts';
import { $isOpenerNode, type OpenerNode } from '../nodes/OpenerNode.ts';
import { $createOperativeParagraphNode, $isOperativeParagraphNode } from '../nodes/OperativeParagraphNode.ts';
import {
  $createPreambularParagraphNode,
  $isPreambularParagraphNode,
} from '../nodes/PreambularParagraphNode.ts';
import { $isReferenceNode, type ReferenceNode } from '../nodes/ReferenceNode.ts';
import { $createSectionHeadingNode, $isSectionHeadingNode } from '../nodes/SectionHeadingNode.ts';
import { $createSubparagraphNode, $isSubparagraphNode } from '../nodes/SubparagraphNode.ts';
import { $createTitleNode, $isTitleNode, type TitleNode } from '../nodes/TitleNode.ts';
import { subparagraphLabel } from './labels.ts';

/** Keeps the document's structure and numbering right after every update; returns the teardown. */
export function registerStructureTransforms(editor: LexicalEditor): () => void {
  // The root's transform runs after any change anywhere in the tree (Lexical treats the root as
  // intentionally dirty whenever a node is), which is what document-wide numbering needs.
  // The structure the repairs look at, as of their last run (see $structureSignature), and each
  // top-level block's part of it.
  let last = '';
  let blocks: BlockSignatures = new Map();
  // The elements this update wrote, and the text nodes it emptied: plain typing does neither, so its
  // keystrokes skip even the signature's walk. Every element type gets a transform that notes it;
  // Lexical runs an element's transform only when the element itself was written (its children,
  // their order, its neighbours, its level...), and all of them before the root's in each pass.
  const touched = new Set<LexicalNode>();
  let rootShape = '';
  let first = true;
  const touch = (node: LexicalNode): void => {
    touched.add(node);
  };
  const element = [...editor._nodes.values()].filter(
    ({ klass }) => klass !== RootNode && klass.prototype instanceof ElementNode,
  );
  const text = [...editor._nodes.values()].filter(
    ({ klass }) => klass.prototype instanceof TextNode || klass === TextNode,
  );
  const teardown = mergeRegister(
    ...element.map(({ klass }) => editor.registerNodeTransform(klass, touch)),
    ...text.map(({ klass }) =>
      editor.registerNodeTransform(klass, (node: LexicalNode) => {
        if ($isTextNode(node) && node.getTextContentSize() === 0) touched.add(node);
      }),
    ),
    editor.registerNodeTransform(RootNode, (root) => {
      // The root's own children: the one change no attached element's transform sees is the
      // removal of every block, which leaves the root alone.
      const shape = shapeOf(root);
      const sameShape = last !== '' && shape === rootShape;
      rootShape = shape;
      if (sameShape && touched.size === 0) return;
      const written = [...touched];
      touched.clear();
      // The blocks written, each compared with its part of the signature on record: a first letter
      // typed into a new paragraph (the keystroke that opens the completion menu) writes that
      // paragraph alone, and leaves its structure as it was.
      if (sameShape && $blocksUnchanged(written, blocks)) return;
      // The first run repairs whatever is there (a draft just opened, which the import left unrepaired
      // for it): no signature on record to compare with, so no walk for one.
      if (!first) {
        const now = $structureSignature();
        if (now.whole === last) {
          blocks = now.blocks;
          return;
        }
      }
      first = false;
      $normalizeResolution();
      ({ whole: last, blocks } = $structureSignature());
      rootShape = shapeOf(root);
    }),
    // A state put in place whole (undo, redo, a loaded state) or a selection move changes no node:
    // the signature on record no longer describes what the next update starts from.
    editor.registerUpdateListener(({ tags, dirtyElements, dirtyLeaves }) => {
      if (tags.has(HISTORIC_TAG) || (dirtyElements.size === 0 && dirtyLeaves.size === 0)) {
        last = '';
        blocks = new Map();
      }
    }),
  );
  // Registering a transform re-runs it on existing nodes of its type, but not on a never-edited
  // empty root; marking the root dirty repairs whatever the editor holds now (an empty editor gets
  // its title and formula). Merged into the previous history entry, as Lexical does for its own.
  editor.update(() => $getRoot().markDirty(), { tag: HISTORY_MERGE_TAG });
  return teardown;
}

/** The root's own children, as far as a cleared or refilled page shows: their count and both ends. */
function shapeOf(root: RootNode): string {
  return `${root.getChildrenSize()}:${root.getFirstChild()?.getKey() ?? ''}:${root.getLastChild()?.getKey() ?? ''}`;
}

/** Each top-level block's part of the structure signature, by its key. */
type BlockSignatures = Map<string, string>;

/**
 * What the repairs depend on, cheaply: every block's key, kind and level, its neighbours' keys, and the
 * keys of its inline children other than plain text (a footnote reference, an opener or a reference
 * added, removed or moved changes them), and where an empty run of text is. Plain typing changes text
 * inside existing text nodes and leaves this alone, so the whole-document repair is skipped for it: a
 * keystroke stays within a frame in a long draft (issue 3, "Speed"). Any insertion, removal, move,
 * split or change of level changes the signature, so the repair still runs on every structural change
 * and numbering can never be left wrong. (The root's transform runs on every update; Lexical does not
 * tell a transform which nodes changed.) `whole` is the document's; `blocks` each child of the root's.
 */
function $structureSignature(): { whole: string; blocks: BlockSignatures } {
  const blocks: BlockSignatures = new Map();
  const whole = new Signature();
  for (let block = $getRoot().getFirstChild(); block !== null; block = block.getNextSibling()) {
    const own = $blockSignature(block);
    blocks.set(block.getKey(), own);
    whole.mix(own);
  }
  return { whole: whole.value(), blocks };
}

/**
 * Whether the blocks that hold `written` (elements written and text nodes emptied in this update) are
 * as `blocks` recorded them. A node no longer in the document, or one in a block not on record, is a
 * change.
 */
function $blocksUnchanged(written: readonly LexicalNode[], blocks: BlockSignatures): boolean {
  const seen = new Set<string>();
  for (const node of written) {
    if (!node.isAttached()) return false;
    let block: LexicalNode = node;
    for (let parent = block.getParent(); parent !== null && !$isRootNode(parent); parent = parent.getParent())
      block = parent;
    const key = block.getKey();
    if (seen.has(key)) continue;
    seen.add(key);
    const before = blocks.get(key);
    if (before === undefined || before !== $blockSignature(block)) return false;
  }
  return true;
}

/**
 * Two independent 32-bit hashes (FNV-1a and a multiply-xorshift): a block's part is one short string,
 * with no arrays or copies of its text, so the keys that read it add little for the collector; 64 bits
 * make a missed structural change vanishingly unlikely.
 */
class Signature {
  private hash = 0x811c9dc5;
  private other = 0x9747b28c;

  mix(text: string): void {
    for (let i = 0; i < text.length; i++) this.step(text.charCodeAt(i));
    this.step(0x2f); // a separator, so "1" + "23" differs from "12" + "3"
  }

  value(): string {
    return `${this.hash >>> 0}:${this.other >>> 0}`;
  }

  private step(code: number): void {
    this.hash = Math.imul(this.hash ^ code, 0x01000193);
    let other = Math.imul(this.other ^ code, 0x5bd1e995);
    other ^= other >>> 15;
    this.other = other;
  }
}

/** One child of the root's part of the signature, walked with first-child / next-sibling links. */
function $blockSignature(block: LexicalNode): string {
  const signature = new Signature();
  const mix = (text: string): void => signature.mix(text);
  // Its place: a block moved, or one inserted or removed next to it, changes its neighbours.
  mix(block.getPreviousSibling()?.getKey() ?? '^');
  mix(block.getNextSibling()?.getKey() ?? '$');
  const visit = (node: LexicalNode): void => {
    mix(node.getKey());
    mix(node.getType());
    if ($isSubparagraphNode(node)) mix(String(node.getLevel()));
    else if ($isSectionHeadingNode(node)) mix(node.getRestartsNumbering() ? 'restarts' : 'runs on');
    if (!$isElementNode(node)) return;
    mix('[');
    for (let child = node.getFirstChild(); child !== null; child = child.getNextSibling()) {
      if ($isElementNode(child) && !child.isInline()) visit(child);
      else if ($isElementNode(child)) {
        mix(child.getKey());
        mix('(');
        for (let leaf = child.getFirstChild(); leaf !== null; leaf = leaf.getNextSibling())
          mix(leaf.getKey());
        mix(')');
      } else if ($isTextNode(child) && child.getType() === 'text') {
        // Plain text: where one run ends and the next begins changes no repair, and the first letter
        // typed into a new paragraph adds a run: only an empty run counts, and where it is.
        if (child.getTextContentSize() === 0) mix(`∅${child.getKey()}`);
      } else {
        mix(child.getKey());
        if ($isTextNode(child) && child.getTextContentSize() === 0) mix('∅');
      }
    }
    mix(']');
  };
  visit(block);
  return signature.value();
}

/** Runs every repair once on the current editor state; the transform calls it, and so does the import. */
export function $normalizeResolution(): void {
  const root = $getRoot();
  const { annex, footnotes } = $normalizeRootOrder(root);
  if (annex !== null) $normalizeAnnex(annex);
  const { openers, references, footnoteRefs } = $collectInlines(root);
  for (const opener of openers) $normalizeOpener(opener);
  for (const reference of references) if (reference.isEmpty()) reference.remove();
  const order = $footnoteReferenceOrder();
  if (footnotes !== null) $normalizeFootnotes(footnotes, order);
  $numberBody(root.getChildren());
  if (annex !== null) $numberBody(annex.getChildren());
  $numberFootnotes(footnoteRefs, footnotes, order);
}

/**
 * Only the derived numbers (step 5), written from the tree as it stands and nothing else repaired: run
 * after a collaborator's change, which Lexical applies without transforms. The numbers are kept out of
 * the shared document (collab/excluded.ts), so every peer derives them from the same merged tree and
 * they agree whatever order the updates came in; a structural repair is left to the next local edit,
 * whose transform syncs it like typing.
 */
export function $renumberResolution(): void {
  const root = $getRoot();
  const children = root.getChildren();
  $numberBody(children, false);
  const annex = children.find($isAnnexNode) ?? null;
  if (annex !== null) $numberBody(annex.getChildren(), false);
  const footnotes = children.find($isFootnotesNode) ?? null;
  $numberFootnotes($collectInlines(root).footnoteRefs, footnotes, $footnoteReferenceOrder());
}

/**
 * In a shared draft, a collaborator's change (and Yjs' undo) is applied without node transforms, and
 * the derived numbers are not in the shared document (collab/excluded.ts): after each such change that
 * can move a number, the numbers are written again from the merged tree, so every peer shows the same
 * numbering whatever order the updates came in.
 *
 * Text typed into a paragraph changes no number, and while others type such changes come many times a
 * second: only an element changed itself (blocks added, removed or moved, a level, a footnote
 * reference), not as the ancestor of a changed text, can change one. The root is the exception: the
 * page's reconciler marks it changed at every change of text (it keeps the whole text on the root), so
 * it counts only when its own children changed.
 */
export function registerSharedNumbers(editor: LexicalEditor): () => void {
  return editor.registerUpdateListener(({ tags, dirtyElements, prevEditorState, editorState }) => {
    if (!tags.has(COLLABORATION_TAG) && !tags.has(HISTORIC_TAG)) return;
    let structural = false;
    for (const [key, itself] of dirtyElements)
      if (itself && (key !== 'root' || $rootShape(prevEditorState) !== $rootShape(editorState))) {
        structural = true;
        break;
      }
    if (!structural) return;
    editor.update($renumberResolution, {
      skipTransforms: true,
      tag: [SKIP_COLLAB_TAG, HISTORY_MERGE_TAG],
    });
  });
}

function $rootShape(state: EditorState): string {
  return state.read(() => shapeOf($getRoot()));
}

/**
 * The ids of the footnotes in order of first reference in the text (title to annex); references
 * inside the footnote texts do not count. Used for markers, for the order of the footnote texts and
 * by the bridge for the order of `ResolutionDocument.footnotes`.
 */
export function $footnoteReferenceOrder(): string[] {
  const seen = new Set<string>();
  const visit = (node: LexicalNode): void => {
    if ($isFootnoteRefNode(node)) seen.add(node.getFootnoteId());
    else if ($isElementNode(node) && !$isFootnotesNode(node))
      for (const child of node.getChildren()) visit(child);
  };
  visit($getRoot());
  return [...seen];
}

// ---------------------------------------------------------------------------------------------
// 1. Root order

/** The top-level part or a section: its heading, preamble and operative part as found. */
interface Part {
  readonly heading: LexicalNode | null;
  /** Preambular paragraphs, each followed by its subparagraphs. */
  readonly preamble: LexicalNode[];
  /** Operative paragraphs and their subparagraphs. */
  readonly body: LexicalNode[];
  /** Whose the next subparagraph is: the last preambular or operative paragraph met. */
  owner: 'preamble' | 'operative' | null;
}

function $normalizeRootOrder(root: RootNode): { annex: AnnexNode | null; footnotes: FootnotesNode | null } {
  let title: TitleNode | null = null;
  let formula: FormulaNode | null = null;
  let annex: AnnexNode | null = null;
  let footnotes: FootnotesNode | null = null;
  const parts: Part[] = [{ heading: null, preamble: [], body: [], owner: null }];
  let part = parts[0] as Part;
  const strayAnnexParts: (AnnexTitleNode | AnnexIntroNode)[] = [];
  const strayFootnotes: FootnoteNode[] = [];
  let inlineWrapper: ElementNode | null = null;

  // The paragraph kind of the place a node stands: the operative part starts at its first paragraph.
  const $paragraphHere = (): ElementNode =>
    part.body.length > 0 ? $createOperativeParagraphNode() : $createPreambularParagraphNode();
  const keep = (node: LexicalNode): void => {
    if ($isOperativeParagraphNode(node) || part.body.length > 0) {
      part.body.push(node);
      part.owner = 'operative';
    } else {
      part.preamble.push(node);
      part.owner = 'preamble';
    }
  };
  const startPart = (heading: LexicalNode): void => {
    part = { heading, preamble: [], body: [], owner: null };
    parts.push(part);
  };

  for (const child of root.getChildren()) {
    const inline = !$isElementNode(child) || child.isInline();
    if (!inline) inlineWrapper = null;
    if ($isTitleNode(child)) {
      if (title === null) title = child;
      else keep($convert(child, $paragraphHere()));
    } else if ($isFormulaNode(child)) {
      if (formula === null) formula = child;
      else keep($convert(child, $paragraphHere()));
    } else if ($isSectionHeadingNode(child)) {
      startPart(child);
    } else if ($isAnnexHeadingNode(child)) {
      startPart($convert(child, $createSectionHeadingNode(child.getNumber())));
    } else if ($isPreambularParagraphNode(child)) {
      part.preamble.push(child);
      part.owner = 'preamble';
    } else if ($isOperativeParagraphNode(child)) {
      part.body.push(child);
      part.owner = 'operative';
    } else if ($isSubparagraphNode(child)) {
      if (part.owner === 'preamble') part.preamble.push(child);
      else if (part.owner === 'operative') part.body.push(child);
      else keep($convert(child, $createOperativeParagraphNode()));
    } else if ($isAnnexNode(child)) {
      if (annex === null) annex = child;
      else $mergeInto(annex, child);
    } else if ($isFootnotesNode(child)) {
      if (footnotes === null) footnotes = child;
      else $mergeInto(footnotes, child);
    } else if ($isAnnexTitleNode(child) || $isAnnexIntroNode(child)) {
      strayAnnexParts.push(child);
    } else if ($isFootnoteNode(child)) {
      strayFootnotes.push(child);
    } else if (!inline && $isElementNode(child)) {
      keep($convert(child, $paragraphHere()));
    } else {
      // Text or an inline node directly under the root (Lexical forbids it, a paste may try):
      // wrap each run of them in one paragraph.
      if (inlineWrapper === null) {
        inlineWrapper = $paragraphHere();
        child.insertBefore(inlineWrapper);
        keep(inlineWrapper);
      }
      inlineWrapper.append(child);
    }
  }

  if (strayAnnexParts.length > 0) (annex ??= $createAnnexNode()).append(...strayAnnexParts);
  if (strayFootnotes.length > 0) (footnotes ??= $createFootnotesNode()).append(...strayFootnotes);
  if (annex !== null && annex.isEmpty()) {
    annex.remove();
    annex = null;
  }
  if (footnotes !== null && footnotes.isEmpty()) {
    footnotes.remove();
    footnotes = null;
  }

  const desired: LexicalNode[] = [title ?? $createTitleNode(), formula ?? $createFormulaNode()];
  for (const { heading, preamble, body } of parts) {
    if (heading !== null) desired.push(heading);
    desired.push(...preamble, ...body);
  }
  if (annex !== null) desired.push(annex);
  if (footnotes !== null) desired.push(footnotes);
  $arrangeChildren(root, desired);
  return { annex, footnotes };
}

// ---------------------------------------------------------------------------------------------
// 2. Annex

function $normalizeAnnex(annex: AnnexNode): void {
  let title: AnnexTitleNode | null = null;
  let intro: AnnexIntroNode | null = null;
  const items: LexicalNode[] = [];
  let inlineWrapper: ElementNode | null = null;
  const queue = annex.getChildren();
  for (let child = queue.shift(); child !== undefined; child = queue.shift()) {
    const inline = !$isElementNode(child) || child.isInline();
    if (!inline) inlineWrapper = null;
    if ($isAnnexNode(child) || $isFootnotesNode(child)) {
      // A container pasted inside the annex: its blocks take its place.
      const inner = child.getChildren();
      for (const node of inner) child.insertBefore(node);
      child.remove();
      queue.unshift(...inner);
    } else if ($isAnnexTitleNode(child) && title === null) {
      title = child;
    } else if ($isAnnexIntroNode(child) && intro === null) {
      intro = child;
    } else if ($isSubparagraphNode(child) || $isAnnexHeadingNode(child)) {
      items.push(child);
    } else if ($isSectionHeadingNode(child)) {
      items.push($convert(child, $createAnnexHeadingNode(child.getNumber())));
    } else if (!inline && $isElementNode(child)) {
      items.push($convert(child, $createSubparagraphNode(1)));
    } else {
      if (inlineWrapper === null) {
        inlineWrapper = $createSubparagraphNode(1);
        child.insertBefore(inlineWrapper);
        items.push(inlineWrapper);
      }
      inlineWrapper.append(child);
    }
  }
  const desired: LexicalNode[] = [title ?? $createAnnexTitleNode()];
  if (intro !== null) desired.push(intro);
  desired.push(...items);
  $arrangeChildren(annex, desired);
}

// ---------------------------------------------------------------------------------------------
// 3. Inline content

function $collectInlines(root: RootNode): {
  openers: OpenerNode[];
  references: ReferenceNode[];
  footnoteRefs: FootnoteRefNode[];
} {
  const openers: OpenerNode[] = [];
  const references: ReferenceNode[] = [];
  const footnoteRefs: FootnoteRefNode[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isOpenerNode(node)) openers.push(node);
    else if ($isFootnoteRefNode(node)) footnoteRefs.push(node);
    else if ($isElementNode(node)) {
      if ($isReferenceNode(node)) references.push(node);
      for (const child of node.getChildren()) visit(child);
    }
  };
  visit(root);
  return { openers, references, footnoteRefs };
}

function $normalizeOpener(opener: OpenerNode): void {
  if (opener.getTextContent() === '') {
    opener.remove();
    return;
  }
  const parent = opener.getParent();
  const inPlace =
    ($isPreambularParagraphNode(parent) || $isOperativeParagraphNode(parent)) &&
    opener.getPreviousSibling() === null;
  if (!inPlace) {
    // Keep how it looks (italic) and what it says; only the structural role is dropped.
    const run = $createTextNode(opener.getTextContent())
      .setFormat(opener.getFormat())
      .setStyle(opener.getStyle());
    opener.replace(run);
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Footnote texts

function $normalizeFootnotes(footnotes: FootnotesNode, order: readonly string[]): void {
  const entries: FootnoteNode[] = [];
  const ids = new Set<string>();
  let inlineWrapper: ElementNode | null = null;
  const queue = footnotes.getChildren();
  for (let child = queue.shift(); child !== undefined; child = queue.shift()) {
    const inline = !$isElementNode(child) || child.isInline();
    if (!inline) inlineWrapper = null;
    if ($isAnnexNode(child) || $isFootnotesNode(child)) {
      const inner = child.getChildren();
      for (const node of inner) child.insertBefore(node);
      child.remove();
      queue.unshift(...inner);
    } else if ($isFootnoteNode(child)) {
      // Two texts with one id (a copied footnote): the later one is a new, unreferenced footnote.
      if (ids.has(child.getFootnoteId())) child.setFootnoteId($createUniqueFootnoteId());
      ids.add(child.getFootnoteId());
      entries.push(child);
    } else if (!inline && $isElementNode(child)) {
      const entry = $convert(child, $createFootnoteNode($createUniqueFootnoteId()));
      ids.add(entry.getFootnoteId());
      entries.push(entry);
    } else {
      if (inlineWrapper === null) {
        const entry = $createFootnoteNode($createUniqueFootnoteId());
        ids.add(entry.getFootnoteId());
        child.insertBefore(entry);
        entries.push(entry);
        inlineWrapper = entry;
      }
      inlineWrapper.append(child);
    }
  }
  const rank = new Map(order.map((id, index) => [id, index]));
  const sorted = entries
    .map((entry, index) => ({ entry, index, rank: rank.get(entry.getFootnoteId()) ?? order.length }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ entry }) => entry);
  $arrangeChildren(footnotes, sorted);
}

// ---------------------------------------------------------------------------------------------
// 5. Numbers

/**
 * Numbers the operative paragraphs and labels the subparagraphs of one run of siblings (the root's
 * children, or the annex's): subparagraphs are labelled per preambular or operative paragraph, and
 * per annex item across the annex's headings; a section heading restarts the numbers when it says so.
 */
function $numberBody(children: readonly LexicalNode[], repairLevels = true): void {
  let operative = 0;
  let previousLevel = 0;
  const counters: number[] = [];
  for (const child of children) {
    if ($isSectionHeadingNode(child)) {
      if (child.getRestartsNumbering()) operative = 0;
      previousLevel = 0;
      counters.length = 0;
    } else if ($isAnnexHeadingNode(child)) {
      // The next item is a top-level one; the items' letters run on.
      previousLevel = 0;
      counters.length = Math.min(counters.length, 1);
    } else if ($isPreambularParagraphNode(child)) {
      previousLevel = 0;
      counters.length = 0;
    } else if ($isOperativeParagraphNode(child)) {
      operative++;
      if (child.getNumber() !== operative) child.setNumber(operative);
      previousLevel = 0;
      counters.length = 0;
    } else if ($isSubparagraphNode(child)) {
      const level = Math.min(child.getLevel(), previousLevel + 1);
      if (repairLevels && level !== child.getLevel()) child.setLevel(level);
      counters.length = level;
      const n = (counters[level - 1] ?? 0) + 1;
      counters[level - 1] = n;
      const label = subparagraphLabel(level, n);
      if (child.getLabel() !== label) child.setLabel(label);
      previousLevel = level;
    }
  }
}

function $numberFootnotes(
  refs: readonly FootnoteRefNode[],
  footnotes: FootnotesNode | null,
  order: readonly string[],
): void {
  const numbers = new Map(order.map((id, index) => [id, index + 1]));
  for (const ref of refs) {
    const number = numbers.get(ref.getFootnoteId()) ?? 0;
    if (ref.getNumber() !== number) ref.setNumber(number);
  }
  if (footnotes === null) return;
  for (const entry of footnotes.getChildren()) {
    if (!$isFootnoteNode(entry)) continue;
    const number = numbers.get(entry.getFootnoteId()) ?? 0;
    if (entry.getNumber() !== number) entry.setNumber(number);
  }
}

// ---------------------------------------------------------------------------------------------
// Tree surgery

/** Replaces a block by another kind of block, keeping its children (and the selection in them). */
function $convert<T extends ElementNode>(node: ElementNode, replacement: T): T {
  node.replace(replacement, true);
  return replacement;
}

function $mergeInto(target: ElementNode, source: ElementNode): void {
  target.append(...source.getChildren());
  source.remove();
}

/**
 * Puts `desired` as the children of `parent`, in that order, moving only the nodes that are out of
 * place; `desired` must hold every child `parent` is to keep (new nodes are inserted).
 */
function $arrangeChildren(parent: ElementNode, desired: readonly LexicalNode[]): void {
  let previous: LexicalNode | null = null;
  for (const node of desired) {
    if (previous === null) {
      const first = parent.getFirstChild();
      if (first === null) parent.append(node);
      else if (!first.is(node)) first.insertBefore(node);
    } else if (!node.is(previous.getNextSibling())) {
      previous.insertAfter(node);
    }
    previous = node;
  }
}
