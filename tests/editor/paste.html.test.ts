/**
 * @vitest-environment happy-dom
 *
 * Pasted HTML (issue 3): only text and italics survive, nothing in it runs, and a clipboard that
 * offers only HTML is read as text for the recognizer. DOMParser comes from happy-dom here, as it
 * comes from the browser in the app.
 */
import {
  $getRoot,
  $isElementNode,
  $isTextNode,
  PASTE_COMMAND,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { afterEach, describe, expect, it } from 'vitest';
import { htmlToMarkedText } from '../../src/editor/plugins/paste/htmlText.ts';
import { registerPaste } from '../../src/editor/plugins/paste/registerPaste.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { createTestEditor, load, outline, update } from './testEditor.ts';

const flags = globalThis as { pwned?: boolean };

afterEach(() => {
  delete flags.pwned;
});

const HOSTILE = [
  '<style>p { color: red }</style>',
  '<script>globalThis.pwned = true</script>',
  '<p style="color:red;font-weight:bold">Noting <b>with</b> <a href="javascript:globalThis.pwned=true">the report</a>',
  '<img src="x" onerror="globalThis.pwned = true">',
  '<o:p>&nbsp;</o:p>of the <i>Office</i>,</p>',
  '<div><svg><text>svg</text></svg><math><mi>x</mi></math></div>',
].join('');

describe('htmlToMarkedText', () => {
  it('keeps italics as *...* and drops bold, colours and every other markup', () => {
    expect(
      htmlToMarkedText(
        '<p><span style="font-style:italic">Recalling</span> its <b>resolution</b> <em>5/1</em>,</p>',
      ),
    ).toBe('*Recalling* its resolution *5/1*,');
  });

  it('makes one line of each block and of each line break', () => {
    expect(htmlToMarkedText('<div><p>Recalling X,</p><p>Noting Y,</p>1. Decides<br>(a) to act;</div>')).toBe(
      'Recalling X,\nNoting Y,\n1. Decides\n(a) to act;',
    );
  });

  it('reads footnote markers in superscripts and Word footnote marks as superscript digits', () => {
    const word =
      '<p>the Convention,<a href="#_ftn1" name="_ftnref1"><span class="MsoFootnoteReference">[1]</span></a></p>' +
      '<div id="ftn1"><p class="MsoFootnoteText"><a href="#_ftnref1"><span class="MsoFootnoteReference">[1]</span></a> United Nations, <i>Treaty Series</i>.</p></div>';
    expect(htmlToMarkedText(word)).toBe('the Convention,¹\n¹ United Nations, *Treaty Series*.');
    expect(htmlToMarkedText('<p>the Protocol<sup>12</sup></p>')).toBe('the Protocol¹²');
  });

  it('reads hostile HTML as its text alone: scripts, styles, handlers and links are dropped unrun', async () => {
    expect(htmlToMarkedText(HOSTILE)).toBe('Noting with the report of the *Office*,');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flags.pwned).toBeUndefined();
  });

  /** `text` inside `depth` nested `tag` elements. */
  const nested = (tag: string, depth: number, text: string): string =>
    `<${tag}>`.repeat(depth) + text + `</${tag}>`.repeat(depth);

  it.each([
    ['div', 'text'],
    ['span', 'text'],
    ['i', '*text*'],
    ['b', 'text'],
  ])('reads text nested 10,000 <%s> elements deep without exhausting the stack', (tag, expected) => {
    expect(htmlToMarkedText(nested(tag, 10_000, 'text'))).toBe(expected);
  });

  it('keeps italics, line breaks and block boundaries at any depth', () => {
    const deep = nested(
      'div',
      5_000,
      nested('i', 5_000, 'Recalling<br>its <span style="font-style:normal">resolution</span>') +
        '<p>Noting<sup>3</sup></p>',
    );
    expect(htmlToMarkedText(deep)).toBe('*Recalling*\n*its* resolution\nNoting³');
  });
});

function pasteEditor(): LexicalEditor {
  const editor = createTestEditor();
  load(
    editor,
    res({
      title: 'T',
      formula: 'The Conference,',
      preamble: [pre('Recalling', 'its resolution 5/1,')],
      operative: [op('Requests', 'the Office to report;')],
    }),
  );
  // No lexicon: the corpus is read from a file URL, which happy-dom's URL does not take; the grammar suffices here.
  registerPaste(editor);
  return editor;
}

function paste(editor: LexicalEditor, data: Record<string, string>): boolean {
  const event = {
    clipboardData: { getData: (type: string) => data[type] ?? '' },
    preventDefault: () => undefined,
  } as unknown as ClipboardEvent;
  return editor.dispatchCommand(PASTE_COMMAND, event);
}

function $textNodes(): TextNode[] {
  const out: TextNode[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isTextNode(node)) out.push(node);
    else if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  visit($getRoot());
  return out;
}

function $caretAfter(needle: string): void {
  const node = $textNodes().find((n) => n.getTextContent().includes(needle));
  if (node === undefined) throw new Error(`no text "${needle}"`);
  const at = node.getTextContent().indexOf(needle) + needle.length;
  node.select(at, at);
}

/** Every text node's formatting: only plain (0) or italic may be there, with no inline style. */
function formats(editor: LexicalEditor): string[] {
  return editor.read(() =>
    $textNodes()
      .filter((node) => node.getType() === 'text')
      .map((node) => `${node.getFormat()}${node.getStyle()}`),
  );
}

describe('pasting HTML', () => {
  it('turns a resolution copied as HTML alone into structure, its italics kept', () => {
    const editor = pasteEditor();
    update(editor, () => $caretAfter('to report;'));
    expect(
      paste(editor, {
        'text/html':
          '<p><i>Noting</i> the report of the <i>Office</i>,</p><p>1. <i>Urges</i> States to act;</p><p>2. <b>Decides</b> to act.</p>',
      }),
    ).toBe(true);
    expect(outline(editor)).toBe(
      [
        'title: T',
        'formula: The Conference,',
        'PP <Recalling> its resolution 5/1,',
        'PP <Noting> the report of the *Office*,',
        'OP 1. <Requests> the Office to report;',
        'OP 2. <Urges> States to act;',
        'OP 3. <Decides> to act.',
      ].join('\n'),
    );
    expect(new Set(formats(editor))).toEqual(new Set(['0', '2']));
  });

  it('inserts HTML that is not a resolution as its text and italics only, in the sentence at the caret', () => {
    const editor = pasteEditor();
    update(editor, () => $caretAfter('the Office'));
    expect(
      paste(editor, { 'text/html': `<span style="color:red"> <b>urgently</b> and <i>ex officio</i></span>` }),
    ).toBe(true);
    expect(outline(editor)).toContain('OP 1. <Requests> the Office urgently and *ex officio* to report;');
    expect(new Set(formats(editor))).toEqual(new Set(['0', '2']));
  });

  it('pastes hostile HTML as its text and italics, running nothing in it', async () => {
    const editor = pasteEditor();
    update(editor, () => $caretAfter('its resolution 5/1,'));
    expect(paste(editor, { 'text/html': HOSTILE })).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(flags.pwned).toBeUndefined();
    expect(outline(editor)).toContain(
      'PP <Recalling> its resolution 5/1,\nPP <Noting> with the report of the *Office*,\nOP 1.',
    );
    expect(editor.read(() => $getRoot().getTextContent())).not.toMatch(/pwned|color|svg/);
    expect(new Set(formats(editor))).toEqual(new Set(['0', '2']));
  });

  it('pastes HTML nested 10,000 elements deep as its text', () => {
    const editor = pasteEditor();
    update(editor, () => $caretAfter('the Office'));
    const deep = '<span>'.repeat(10_000) + ' and <i>ex officio</i>' + '</span>'.repeat(10_000);
    expect(paste(editor, { 'text/html': deep })).toBe(true);
    expect(outline(editor)).toContain('OP 1. <Requests> the Office and *ex officio* to report;');
  });
});
