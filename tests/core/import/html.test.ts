/**
 * HTML in (issue 12, item 3): a resolution copied from the UN's document sites or saved by Word as a
 * web page becomes the printed line stream the reader reads, with italics and footnote markers as
 * spans. The samples are built from the markup those sources write (Word's MsoNormal paragraphs,
 * `<![if !supportLists]>`, `#_ftn1` footnote links; a site's `<sup>` links and footnote list).
 */
import { describe, expect, it } from 'vitest';
import { decodeHtml, linesFromHtml, readHtml } from '../../../src/core/import/html.ts';
import type { SourceLine } from '../../../src/core/import/source-lines.ts';
import { inlineText } from '../../../src/core/model/inline.ts';

/** A line as `*italic*` and `^raised^` marks around its spans: a compact oracle. */
function marked(line: SourceLine): string {
  return (line.spans ?? [{ text: line.text }])
    .map((s) => (s.italic ? `*${s.text}*` : s.superscript ? `^${s.text}^` : s.text))
    .join('');
}

/** No-break spaces as spaces: how the reader keeps them inside a footnote is the reader's business. */
const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

const texts = (html: string): string[] => linesFromHtml(html).map((l) => l.text);

/** A General Assembly resolution as Word saves it as a web page (Filtered HTML). */
const WORD_HTML = `<html xmlns:o="urn:schemas-microsoft-com:office:office">
<head>
<meta http-equiv=Content-Type content="text/html; charset=utf-8">
<title>A/RES/79/136</title>
<style>
<!--
p.MsoNormal, li.MsoNormal {margin:0cm; font-size:10.0pt; font-family:"Times New Roman",serif;}
p.MsoFootnoteText {font-size:8.5pt;}
-->
</style>
<!--[if gte mso 9]><xml><o:shapedefaults v:ext="edit" spidmax="1026"/></xml><![endif]-->
</head>
<body lang=EN-GB style='tab-interval:36.0pt'>
<div class=WordSection1>
<p class=MsoNormal align=center style='text-align:center'><b><span lang=EN-GB>79/136.&nbsp;&nbsp;Countering
the use of information and communications technologies for criminal purposes</span></b></p>
<p class=MsoNormal><span lang=EN-GB>&nbsp;</span></p>
<p class=MsoNormal style='margin-left:36.0pt'><i><span lang=EN-GB>The General Assembly</span></i><span
lang=EN-GB>,</span></p>
<p class=MsoNormal style='text-indent:36.0pt'><i><span lang=EN-GB>Recalling</span></i><span
lang=EN-GB> its resolutions 74/247 of 27&nbsp;December 2019 and 75/282 of 26&nbsp;May 2021,</span></p>
<p class=MsoNormal style='text-indent:36.0pt'><i><span lang=EN-GB>Taking note</span></i><span
lang=EN-GB> of the United Nations Convention against Transnational Organized Crime,<a
style='mso-footnote-id:ftn1' href="#_ftn1" name="_ftnref1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span
class=MsoFootnoteReference><span style='font-size:10.0pt'>[1]</span></span><![endif]></span></span></a>
and of the Ad&nbsp;Hoc Committee&rsquo;s report,</span></p>
<p class=MsoListParagraph style='margin-left:36.0pt;text-indent:-36.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-GB>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span><![endif]><i><span lang=EN-GB>Welcomes</span></i><span lang=EN-GB> the work of the
Committee;</span></p>
<p class=MsoListParagraph style='margin-left:36.0pt;text-indent:-36.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
lang=EN-GB>2.<span style='mso-tab-count:1'>&nbsp;&nbsp;&nbsp; </span></span><![endif]><i><span
lang=EN-GB>Decides</span></i><span lang=EN-GB> to include the item entitled &#8220;Countering
cybercrime&#8221; in the provisional agenda of its eightieth session.</span></p>
</div>
<div style='mso-element:footnote-list'><![if !supportFootnotes]><br clear=all>
<hr align=left size=1 width="33%">
<![endif]>
<div style='mso-element:footnote' id=ftn1>
<p class=MsoFootnoteText><a style='mso-footnote-id:ftn1' href="#_ftnref1" name="_ftn1" title=""><span
class=MsoFootnoteReference><span style='mso-special-character:footnote'><![if !supportFootnotes]><span
class=MsoFootnoteReference>[1]</span><![endif]></span></span></a> United Nations, <i>Treaty Series</i>,
vol.&nbsp;2225, No.&nbsp;39574.</p>
</div>
</div>
</body>
</html>`;

/** The same kind of text as a document site renders it: plain <p>, <sup> links, a footnote list. */
const SITE_HTML = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>A/RES/78/230</title>
<script>window.dataLayer = [{ page: "<p>not text</p>" }];</script>
<style>.fn { font-size: 80% }</style></head>
<body><header><nav><a href="/">Home</a></nav></header>
<main>
<p class="symbol">A/RES/78/230</p>
<h1 style="text-align:center">78/230. Strengthening the United Nations crime prevention programme</h1>
<p><em>The General Assembly</em>,
<p><em>Reaffirming</em> its resolution 46/152 of 18&nbsp;December 1991,<sup><a href="#fn1" id="fnref1">1</a></sup>
<p><span style="font-style:italic">Expressing deep concern</span> at the negative effects of transnational organized crime,<sup><a href="#fn2">2</a></sup></p>
<p>1. <em>Calls upon</em> Member States to implement the Convention;</p>
<p>2. <em>Requests</em> the Secretary&#8209;General to report to it at its seventy&#x2011;ninth session.</p>
<hr>
<ol class="footnotes">
<li id="fn1"><sup>1</sup> See <em>Official Records of the General Assembly</em>.</li>
<li id="fn2"><sup>2</sup> Resolution 55/25, annex&nbsp;I.</li>
</ol>
</main></body></html>`;

describe('linesFromHtml', () => {
  it('reads a resolution saved by Word as a web page into one line a paragraph, openers as italic spans', () => {
    const lines = linesFromHtml(WORD_HTML);
    expect(lines.map(marked)).toEqual([
      '79/136.\u00a0\u00a0Countering the use of information and communications technologies for criminal purposes',
      '*The General Assembly*,',
      '*Recalling* its resolutions 74/247 of 27\u00a0December 2019 and 75/282 of 26\u00a0May 2021,',
      '*Taking note* of the United Nations Convention against Transnational Organized Crime,^1^ and of the Ad\u00a0Hoc Committee’s report,',
      '1.\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0 *Welcomes* the work of the Committee;',
      '2.\u00a0\u00a0\u00a0 *Decides* to include the item entitled “Countering cybercrime” in the provisional agenda of its eightieth session.',
      '__________',
      '^1^ United Nations, *Treaty Series*, vol.\u00a02225, No.\u00a039574.',
    ]);
  });

  it('skips the head, scripts, styles and Word’s conditional comments', () => {
    const all = texts(WORD_HTML).join('\n') + texts(SITE_HTML).join('\n');
    expect(all).not.toMatch(/MsoNormal|shapedefaults|dataLayer|not text|font-size|A\/RES\/79\/136\n/);
  });

  it('marks the bold, centred title as bold and centred', () => {
    const [title] = linesFromHtml(WORD_HTML);
    expect(title).toMatchObject({ bold: true, centred: true, page: 1, gapBefore: 0 });
    const heading = linesFromHtml(SITE_HTML).find((l) => l.text.startsWith('78/230.'));
    expect(heading).toMatchObject({ bold: true, centred: true });
  });

  it('puts a blank line between blocks, none before the first line or after a <br>', () => {
    const lines = linesFromHtml(
      '<p>The General Assembly,</p><p>Recalling A,<br>B and C,</p><div>1. Decides</div>',
    );
    expect(lines.map((l) => [l.text, l.gapBefore])).toEqual([
      ['The General Assembly,', 0],
      ['Recalling A,', 1],
      ['B and C,', 0],
      ['1. Decides', 1],
    ]);
  });

  it('closes the paragraphs, items and cells HTML lets an author leave open', () => {
    expect(
      texts(
        '<p>one<p><i>two<p>three<ul><li>four<li>five</ul><table><tr><td>six<td>seven<tr><td>eight</table>',
      ),
    ).toEqual(['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight']);
    // The italic of an unclosed <i> ends with its paragraph.
    expect(linesFromHtml('<p><i>Noting<p>the report').map(marked)).toEqual(['*Noting*', 'the report']);
  });

  it('decodes named, decimal, hexadecimal and Windows-1252 character references as a browser does', () => {
    expect(
      texts(
        '<p>&ldquo;Côte d&rsquo;Ivoire&rdquo; &ndash; T&uuml;rkiye &mdash; Cura&ccedil;ao&hellip; &#8209;&#x2011;&#146; &amp;lt; &unknown;</p>',
      ),
    ).toEqual(['“Côte d’Ivoire” – Türkiye — Curaçao… ‑‑’ &lt; &unknown;']);
  });

  it('keeps no-break spaces and non-breaking hyphens as printed, folding only the source’s own spaces and line ends', () => {
    expect(texts('<p>  Secretary\u2011General,\n   27&nbsp;December\t2019  </p>')).toEqual([
      'Secretary\u2011General, 27\u00a0December 2019',
    ]);
  });

  it('gives an opener’s exact extent as its italic span, however many words it has', () => {
    const line = linesFromHtml(SITE_HTML).find((l) => l.text.startsWith('Expressing'));
    expect(line?.spans?.[0]).toEqual({ text: 'Expressing deep concern', italic: true });
  });

  it('reads italics from <em> and font-style, and lets font-style:normal end them', () => {
    expect(
      linesFromHtml(
        '<p><span style="font-style: italic">Deeply concerned</span> by <em>the <span style="font-style:normal">case</span></em></p>',
      ).map(marked),
    ).toEqual(['*Deeply concerned* by *the *case']);
  });

  it('reads footnote markers from <sup>, vertical-align and Word’s footnote links, "[3]" as "3"', () => {
    expect(
      linesFromHtml(
        '<p>Convention<sup><a href="#fn1">1</a></sup> and Protocols<span style="vertical-align:super">2</span>' +
          ' and <a href="#_ftn3" name="_ftnref3"><span class=MsoFootnoteReference>[3]</span></a>,</p>',
      ).map(marked),
    ).toEqual(['Convention^1^ and Protocols^2^ and ^3^,']);
  });

  it('counts a page at each page break Word writes before a paragraph', () => {
    const lines = linesFromHtml(
      '<p>one</p><br clear=all style="page-break-before:always"><p>two</p><p style="page-break-before:always">three</p>',
    );
    expect(lines.map((l) => [l.text, l.page, l.gapBefore])).toEqual([
      ['one', 1, 0],
      ['two', 2, 0],
      ['three', 3, 0],
    ]);
  });

  it('reads attributes unquoted, single-quoted or bare, and a stray "<" as text', () => {
    expect(texts("<p class=MsoNormal style='text-align:center' nowrap>a < b and c<d</p>")).toEqual([
      'a < b and c<d',
    ]);
  });

  it('prints a horizontal rule as the rule of underscores above a page’s footnotes', () => {
    expect(texts('<p>2. Decides.</p><hr><p><sup>1</sup> Resolution 55/25.</p>')).toEqual([
      '2. Decides.',
      '__________',
      '1 Resolution 55/25.',
    ]);
  });

  it('gives no line for a paragraph of spaces and no-break spaces only', () => {
    expect(texts('<p>&nbsp;</p><p> <o:p>&nbsp;</o:p> </p>')).toEqual([]);
    expect(texts('')).toEqual([]);
  });

  it('reads deep nesting and a long unclosed tag without recursion or backtracking blow-up', () => {
    const started = Date.now();
    const deep = '<div>'.repeat(20_000) + 'deep' + '</span>'.repeat(20_000) + '</div>'.repeat(20_000);
    expect(texts(deep)).toEqual(['deep']);
    expect(texts('<p ' + 'a=b '.repeat(20_000) + 'x')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

describe('readHtml', () => {
  it('reads a Word web page into the formula, the preamble, the operative part and the footnotes', () => {
    const [doc, ...more] = readHtml(WORD_HTML).documents;
    expect(more).toEqual([]);
    expect(doc?.title).toContain('Countering the use of information and communications technologies');
    expect(doc?.formula).toBe('The General Assembly,');
    expect(doc?.preamble.map((p) => p.opener)).toEqual(['Recalling', 'Taking note']);
    expect(doc?.operative.map((p) => [p.label, p.opener])).toEqual([
      ['1', 'Welcomes'],
      ['2', 'Decides'],
    ]);
    expect(doc?.preamble[1]?.content.some((c) => c.type === 'footnoteRef')).toBe(true);
    expect(doc?.footnotes.map((f) => [f.number, plain(inlineText(f.content))])).toEqual([
      [1, 'United Nations, Treaty Series, vol. 2225, No. 39574.'],
    ]);
  });

  it('reads a document site’s rendition, its footnote list after the rule included', () => {
    const [doc] = readHtml(SITE_HTML).documents;
    expect(doc?.formula).toBe('The General Assembly,');
    expect(doc?.preamble.map((p) => p.opener.split(' ')[0])).toEqual(['Reaffirming', 'Expressing']);
    expect(doc?.operative.map((p) => [p.label, p.opener])).toEqual([
      ['1', 'Calls upon'],
      ['2', 'Requests'],
    ]);
    expect(doc?.footnotes.map((f) => [f.number, plain(inlineText(f.content))])).toEqual([
      [1, 'See Official Records of the General Assembly.'],
      [2, 'Resolution 55/25, annex I.'],
    ]);
  });
});

describe('decodeHtml', () => {
  const bytes = (...parts: (string | number[])[]): Uint8Array =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

  it('reads the windows-1252 Word writes when its <meta> says so', () => {
    const html = bytes(
      '<meta http-equiv=Content-Type content="text/html; charset=windows-1252"><p>the Committee',
      [0x92],
      's ',
      [0x93],
      'report',
      [0x94],
      ' ',
      [0x96],
      ' C',
      [0xf4],
      'te</p>',
    );
    expect(texts(decodeHtml(html))).toEqual(['the Committee’s “report” – Côte']);
  });

  it('reads UTF-8 with or without a byte-order mark or a declaration', () => {
    const utf8 = [...Buffer.from('<p>Secretary\u2011General’s</p>', 'utf8')];
    expect(decodeHtml(Uint8Array.from(utf8))).toBe('<p>Secretary\u2011General’s</p>');
    expect(decodeHtml(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe('<p>Secretary\u2011General’s</p>');
  });

  it('falls back on windows-1252 for bytes that are not UTF-8 and declare nothing', () => {
    expect(decodeHtml(bytes('<p>d', [0x92], 'Ivoire</p>'))).toBe('<p>d’Ivoire</p>');
  });

  it('reads UTF-16 by its byte-order mark', () => {
    const utf16 = [0xff, 0xfe, ...Buffer.from('<p>Türkiye</p>', 'utf16le')];
    expect(decodeHtml(Uint8Array.from(utf16))).toBe('<p>Türkiye</p>');
  });
});
