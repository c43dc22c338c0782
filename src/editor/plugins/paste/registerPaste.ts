/**
 * Paste of a resolution's plain text turning into structure (issue 3): text copied from a UN
 * document, a PDF or another draft becomes preambular paragraphs, numbered operative paragraphs,
 * subparagraphs at their levels and footnotes, inserted as whole blocks (placeBlocks.ts). Text that
 * is not a resolution's (a phrase, a sentence) is pasted as usual; pasted HTML of any kind gives
 * only its text and italics (htmlText.ts). A copy made inside the editor keeps Lexical's own paste,
 * except that blocks go in whole (the known issue fixed in placeBlocks.ts).
 */
import type { Lexicon } from '../../../core/lexicon/lexicon.ts';
import {
  $addUpdateTag,
  $getSelection,
  $isRangeSelection,
  COMMAND_PRIORITY_LOW,
  PASTE_COMMAND,
  PASTE_TAG,
  SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
  mergeRegister,
  type LexicalEditor,
  type PasteCommandType,
} from 'lexical';
import { $inlineNodes } from '../../bridge/import.ts';
import { htmlToLines, htmlToMarkedText, type HtmlRun } from './htmlText.ts';
import { planPaste } from './pastePlan.ts';
import { $insertClipboardBlocks, $insertPastePlan } from './placeBlocks.ts';

/** Beyond this a paste is refused before anything reads it, so that the page stays responsive. */
export const PASTE_LIMIT_BYTES = 5 * 1024 * 1024;

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

function megabytes(text: string): string {
  return (new TextEncoder().encode(text).length / (1024 * 1024)).toFixed(1);
}

export function registerPaste(editor: LexicalEditor, options: PasteOptions = {}): () => void {
  const tell = (text: string): void => {
    if (options.onMessage !== undefined) options.onMessage(text);
    else
      editor
        .getRootElement()
        ?.dispatchEvent(new CustomEvent(PASTE_MESSAGE_EVENT, { bubbles: true, detail: { text } }));
  };

  const $paste = (event: PasteCommandType): boolean => {
    const data = clipboardOf(event);
    const selection = $getSelection();
    if (data === null || !$isRangeSelection(selection)) return false;
    // A copy inside the editor: Lexical's paste keeps every node (footnote references included).
    if (data.getData(LEXICAL_MIME) !== '') return false;
    const plain = data.getData('text/plain');
    const html = data.getData('text/html');
    if (plain === '' && html === '') return false;
    const source = plain !== '' ? plain : html;
    if (exceedsBytes(source)) {
      event.preventDefault();
      tell(
        `Nothing was pasted: the clipboard holds ${megabytes(source)} MB, more than the 5 MB a paste may hold.`,
      );
      return true;
    }
    const text = plain !== '' ? plain : htmlToMarkedText(html);
    const plan = text === '' ? null : planPaste(text, options.lexicon ? { lexicon: options.lexicon } : {});
    if (plan !== null) {
      const outcome = $insertPastePlan(plan, selection);
      if (outcome !== null) {
        $addUpdateTag(PASTE_TAG);
        event.preventDefault();
        if (outcome.leftOut.length > 0)
          tell(
            `The pasted ${outcome.leftOut.join(' and ').replace('formula', 'enacting formula')} ` +
              `${outcome.leftOut.length > 1 ? 'were' : 'was'} left out: the draft has its own.`,
          );
        return true;
      }
    }
    // Not a resolution's text. Plain text alone: Lexical's plain-text paste is safe as it is.
    if (html === '') return false;
    // HTML: only its text and italics, never Lexical's HTML import (styles, links, foreign nodes).
    $addUpdateTag(PASTE_TAG);
    event.preventDefault();
    if (exceedsBytes(html)) selection.insertRawText(plain);
    else $insertLines(htmlToLines(html));
    return true;
  };

  return mergeRegister(
    // Above the rich-text paste (COMMAND_PRIORITY_EDITOR), below anything more specific.
    editor.registerCommand(PASTE_COMMAND, $paste, COMMAND_PRIORITY_LOW),
    editor.registerCommand(
      SELECTION_INSERT_CLIPBOARD_NODES_COMMAND,
      ({ nodes, selection }) => $isRangeSelection(selection) && $insertClipboardBlocks(nodes, selection),
      COMMAND_PRIORITY_LOW,
    ),
  );
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
