/**
 * Paste of a resolution's plain text turning into structure (issue 3): text copied from a UN
 * document, a PDF or another draft becomes preambular paragraphs, numbered operative paragraphs,
 * subparagraphs at their levels and footnotes, inserted as whole blocks (placeBlocks.ts). Text that
 * is not a resolution's (a phrase, a sentence) is pasted as usual; pasted HTML of any kind gives
 * only its text and italics (htmlText.ts). A copy made inside the editor keeps its nodes, read as
 * untrusted data (lexicalClipboard.ts), with blocks going in whole (placeBlocks.ts) and a title or
 * formula never becoming a paragraph. Every format passes the same size limits first.
 */
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import {
  $generateNodesFromSerializedNodes,
  $insertGeneratedNodes,
  type BaseSerializedNode,
} from '@lexical/clipboard';
import {
  $addUpdateTag,
  $createTextNode,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  CONTROLLED_TEXT_INSERTION_COMMAND,
  PASTE_COMMAND,
  PASTE_TAG,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  mergeRegister,
  type LexicalEditor,
  type LexicalNode,
  type PasteCommandType,
  type RangeSelection,
} from 'lexical';
import { LIMITS } from '../../../core/model/validate.ts';
import { $isFormulaNode } from '../../nodes/FormulaNode.ts';
import { $isOperativeParagraphNode } from '../../nodes/OperativeParagraphNode.ts';
import { $isPreambularParagraphNode } from '../../nodes/PreambularParagraphNode.ts';
import { $isTitleNode } from '../../nodes/TitleNode.ts';
import { readLexicalClipboard, type ClipboardNode } from './lexicalClipboard.ts';
import { $inlineNodes } from '../../bridge/import.ts';
import { htmlToLines, htmlToMarkedText, type HtmlRun } from './htmlText.ts';
import { planPaste, type PastePlan } from './pastePlan.ts';
import { $insertClipboardBlocks, $insertPastePlan } from './placeBlocks.ts';

/**
 * Beyond this a paste is refused before anything reads it, so that the page stays responsive. Set
 * where the benchmark (`npm run bench`, paste figures) shows the next key still answered within
 * 100 ms in a 500-paragraph draft: about 90 ms after 500 KB of resolution text, 180 ms after 1 MB and
 * over 500 ms after 2 MB on this 2-core machine (issue 11). A long resolution is under 150 KB.
 */
export const PASTE_LIMIT_BYTES = 512 * 1024;

/** How much larger than its text the editor's own clipboard JSON may be before it is not read. */
const LEXICAL_JSON_FACTOR = 8;

/** Dispatched (bubbling) on the editor's root element with `detail: { text }` when no `onMessage` is given. */
export const PASTE_MESSAGE_EVENT = 'resolution-paste-message';

/** Lexical's own clipboard format, written by a copy inside a Lexical editor. */
const LEXICAL_MIME = 'application/x-lexical-editor';

export interface PasteOptions {
  /** The openers the editor knows; see PastePlanOptions.lexicon. */
  readonly lexicon?: Lexicon;
  /** Shows the drafter what happened to a paste (refused, parts left out). */
  readonly onMessage?: (text: string) => void;
}

interface ClipboardLike {
  getData(type: string): string;
}

/** Whether `text` takes more than `limit` bytes in UTF-8, encoding it only when its length cannot tell. */
export function exceedsBytes(text: string, limit: number = PASTE_LIMIT_BYTES): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return new TextEncoder().encode(text).length > limit;
}

function clipboardOf(event: PasteCommandType): ClipboardLike | null {
  if ('clipboardData' in event && event.clipboardData) return event.clipboardData;
  if ('dataTransfer' in event && event.dataTransfer) return event.dataTransfer;
  return null;
}

/** "600 KB", "5.2 MB": a size as a person reads it. */
function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.ceil(bytes / 1024)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function registerPaste(editor: LexicalEditor, options: PasteOptions = {}): () => void {
  const tell = (text: string): void => {
    if (options.onMessage !== undefined) options.onMessage(text);
    else
      editor
        .getRootElement()
        ?.dispatchEvent(new CustomEvent(PASTE_MESSAGE_EVENT, { bubbles: true, detail: { text } }));
  };
  const known = new Set(editor._nodes.keys());

  /**
   * One gate for every clipboard format and for text dropped from outside (issue 11): the size limit,
   * then Lexical's own format read as untrusted data, resolution text through the recognizer, HTML
   * through the sanitizer. True when the gate handled it (inserted or refused); false leaves plain
   * text to Lexical's plain-text insertion, which is safe as it is.
   */
  const $gate = (data: ClipboardLike, selection: RangeSelection, prevent: () => void): boolean => {
    const lexical = data.getData(LEXICAL_MIME);
    const plain = data.getData('text/plain');
    const html = data.getData('text/html');
    if (lexical === '' && plain === '' && html === '') return false;
    const largest = [lexical, plain, html].reduce((a, b) => (b.length > a.length ? b : a));
    // Whatever the format, the text it would insert is the text/plain beside it or its own text.
    if (exceedsBytes(largest) && exceedsBytes(plain === '' ? largest : plain)) {
      prevent();
      tell(
        `Nothing was pasted: the clipboard holds ${size(new TextEncoder().encode(plain === '' ? largest : plain).length)}, more than the ${size(PASTE_LIMIT_BYTES)} a paste may hold.`,
      );
      return true;
    }
    const text = plain !== '' ? plain : html !== '' ? htmlToMarkedText(html) : '';
    const long = longestLine(text);
    if (long > LIMITS.paragraphChars) {
      prevent();
      tell(
        `Nothing was pasted: the clipboard holds a paragraph of ${long.toLocaleString('en-US')} characters, and a paragraph may hold at most ${LIMITS.paragraphChars.toLocaleString('en-US')}. Split it into paragraphs first.`,
      );
      return true;
    }
    // The editor's own format carries its text several times over in JSON; past that, its text beside
    // it is pasted instead, so that a huge JSON is never parsed.
    if (lexical !== '' && lexical.length <= LEXICAL_JSON_FACTOR * PASTE_LIMIT_BYTES) {
      const read = readLexicalClipboard(lexical, known);
      const nodes = read === null || read.nodes.length === 0 ? null : $nodesFrom(read.nodes);
      if (nodes !== null) {
        prevent();
        $addUpdateTag(PASTE_TAG);
        // What the paste replaces goes first, so that a title or formula it emptied takes the pasted one.
        if (!selection.isCollapsed()) selection.removeText();
        const leftOut = $takeTitleAndFormula(nodes);
        // A caret in a title or formula just filled lost its text node: it goes after the formula.
        if (!$caretAttached()) $getRoot().getChildren().find($isFormulaNode)?.selectEnd();
        const caret = $getSelection();
        if (nodes.length > 0 && $isRangeSelection(caret)) $insertGeneratedNodes(editor, nodes, caret);
        if (leftOut.length > 0) tell(leftOutMessage(leftOut));
        if (read !== null && read.unknown > 0)
          tell(
            `Part of the copied content was of a kind the editor does not hold; its text was pasted as plain text.`,
          );
        return true;
      }
      // Not Lexical's format after all: the same copy's other formats follow.
    }
    const plan = text === '' ? null : planPaste(text, options.lexicon ? { lexicon: options.lexicon } : {});
    if (plan !== null) {
      const over = $overParagraphLimit(plan);
      if (over !== null) {
        prevent();
        tell(`Nothing was pasted: ${over}`);
        return true;
      }
      const outcome = $insertPastePlan(plan, selection);
      if (outcome !== null) {
        $addUpdateTag(PASTE_TAG);
        prevent();
        // One message: a notice shows the last one it was given.
        const said = [
          ...(outcome.leftOut.length > 0 ? [leftOutMessage(outcome.leftOut)] : []),
          ...(plan.notesLeftOut === undefined ? [] : [notesLeftOutMessage(plan.notesLeftOut)]),
        ];
        if (said.length > 0) tell(said.join(' '));
        return true;
      }
    }
    // Not a resolution's text. Plain text alone: Lexical's plain-text paste is safe as it is.
    if (html === '') {
      if (lexical === '') return false;
      prevent();
      $addUpdateTag(PASTE_TAG);
      selection.insertRawText(plain);
      return true;
    }
    // HTML: only its text and italics, never Lexical's HTML import (styles, links, foreign nodes).
    $addUpdateTag(PASTE_TAG);
    prevent();
    if (exceedsBytes(html)) selection.insertRawText(plain);
    else $insertLines(htmlToLines(html));
    return true;
  };

  const $paste = (event: PasteCommandType): boolean => {
    const data = clipboardOf(event);
    const selection = $getSelection();
    if (data === null || !$isRangeSelection(selection)) return false;
    return $gate(data, selection, () => event.preventDefault());
  };

  return mergeRegister(
    // Above the rich-text paste (COMMAND_PRIORITY_EDITOR), below anything more specific.
    editor.registerCommand(PASTE_COMMAND, $paste, COMMAND_PRIORITY_LOW),
    // Text dragged in from another page or program comes as an insertion with a DataTransfer
    // ('insertFromDrop'): the same gate as a paste, never Lexical's unsanitized import.
    editor.registerCommand(
      CONTROLLED_TEXT_INSERTION_COMMAND,
      (payload) => {
        if (typeof payload === 'string' || payload.dataTransfer === null) return false;
        const selection = $getSelection();
        if (!$isRangeSelection(selection)) return false;
        const data = payload.dataTransfer;
        return $gate(data, selection, () => payload.preventDefault());
      },
      COMMAND_PRIORITY_LOW,
    ),
    editor.registerCommand(
      SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
      ({ nodes, selection }) => $isRangeSelection(selection) && $insertClipboardBlocks(nodes, selection),
      COMMAND_PRIORITY_LOW,
    ),
  );
}

/** Why the plan's paragraphs do not fit in the draft's parts (counted before anything is inserted), or null. */
function $overParagraphLimit(plan: PastePlan): string | null {
  // A section's paragraphs are counted with the top-level ones: stricter than the store, never looser.
  const parts = [plan, ...plan.sections];
  let preamble = parts.reduce((n, part) => n + part.preamble.length, 0);
  let operative = parts.reduce((n, part) => n + part.body.filter((b) => b.kind === 'operative').length, 0);
  const blocks = parts.reduce((n, part) => n + part.body.length, 0) + plan.sections.length;
  if (preamble + operative <= LIMITS.paragraphs && blocks <= LIMITS.paragraphs) {
    if ($getRoot().getChildrenSize() + preamble + blocks <= LIMITS.paragraphs) return null;
  }
  for (const child of $getRoot().getChildren()) {
    if ($isPreambularParagraphNode(child)) preamble += 1;
    else if ($isOperativeParagraphNode(child)) operative += 1;
  }
  const limit = LIMITS.paragraphs.toLocaleString('en-US');
  if (preamble > LIMITS.paragraphs)
    return `the preamble would hold ${preamble.toLocaleString('en-US')} paragraphs; it may hold at most ${limit}.`;
  if (operative > LIMITS.paragraphs)
    return `the operative part would hold ${operative.toLocaleString('en-US')} paragraphs; it may hold at most ${limit}.`;
  return null;
}

function leftOutMessage(leftOut: readonly ('title' | 'formula')[]): string {
  return (
    `The pasted ${leftOut.join(' and ').replace('formula', 'enacting formula')} ` +
    `${leftOut.length > 1 ? 'were' : 'was'} left out: the draft has its own.`
  );
}

function notesLeftOutMessage(count: number): string {
  return count === 1
    ? 'A footnote printed on the copied page was left out: its marker is not in the copied text.'
    : `${count} footnotes printed on the copied pages were left out: their markers are not in the copied text.`;
}

/** The length of the longest line of `text`, found without splitting it. */
function longestLine(text: string): number {
  let longest = 0;
  let start = 0;
  for (let at = text.indexOf('\n'); ; at = text.indexOf('\n', start)) {
    const end = at < 0 ? text.length : at;
    longest = Math.max(longest, end - start);
    if (at < 0) return longest;
    start = at + 1;
  }
}

function $caretAttached(): boolean {
  const selection = $getSelection();
  return $isRangeSelection(selection) && selection.anchor.getNode().isAttached();
}

/** Nodes built from a clipboard read; null when Lexical cannot build them (the plain text is pasted instead). */
function $nodesFrom(serialized: readonly ClipboardNode[]): LexicalNode[] | null {
  try {
    return $generateNodesFromSerializedNodes(serialized as unknown as BaseSerializedNode[]);
  } catch {
    return null;
  }
}

/**
 * A title or enacting formula among pasted blocks is never a paragraph (issue 11: a whole draft
 * copied and pasted turned them into numbered operative paragraphs). As with resolution text
 * (placeBlocks.ts, $insertPastePlan): an empty title or formula of the draft takes the pasted one;
 * one that the draft has already is left out and said. Removes them from `nodes`.
 */
function $takeTitleAndFormula(nodes: LexicalNode[]): ('title' | 'formula')[] {
  const leftOut: ('title' | 'formula')[] = [];
  for (const [part, is] of [
    ['title', $isTitleNode],
    ['formula', $isFormulaNode],
  ] as const) {
    const index = nodes.findIndex(is);
    if (index < 0) continue;
    const [pasted] = nodes.splice(index, 1);
    if (pasted === undefined) continue;
    const text = pasted.getTextContent();
    const root = $getRoot();
    const target = root.getChildren().find(is);
    if (target === undefined) {
      // The paste replaced the whole draft, its title and formula with it: they come back as pasted.
      const title = root.getChildren().findIndex($isTitleNode);
      root.splice(part === 'title' ? 0 : title + 1, 0, [pasted]);
    } else if ($isElementNode(target) && target.getTextContentSize() === 0 && text !== '')
      target.clear().append($createTextNode(text));
    else if (text !== '' && target.getTextContent() !== text) leftOut.push(part);
  }
  return leftOut;
}

/** Lines of text and italic runs as paragraphs at the caret, the first one joining the text there. */
function $insertLines(lines: readonly (readonly HtmlRun[])[]): void {
  lines.forEach((runs, index) => {
    const selection = $getSelection();
    if (!$isRangeSelection(selection)) return;
    if (index > 0) selection.insertParagraph();
    const nodes = $inlineNodes(runs.map(({ text, italic }) => ({ type: 'text', text, italic })));
    const caret = $getSelection();
    if (nodes.length > 0 && $isRangeSelection(caret)) caret.insertNodes(nodes);
  });
}
