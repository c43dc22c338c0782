/**
 * The user's documents in the library, as a store (src/ui/library/userLibrary.ts), over the real file
 * readers (addToLibrary.ts: the printed reader, the HTML reader, the file format, the .docx importer,
 * pdf.js for the PDF as the command line loads it) in Node. The stored records are kept in a Map read
 * back through the real record reader (src/storage/library.ts); IndexedDB itself is tested in
 * Chromium (tests/storage/library.browser.test.ts). What the store hands the library's worker is
 * recorded and checked: it is what the finder searches.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LibraryDocument } from '../../src/core/library/types.ts';
import type { UserDocumentStore } from '../../src/storage/library.ts';
import type { DocumentReader } from '../../src/ui/word/importer.ts';
import { exportDocx } from '../../src/core/export/docx/docx.ts';
import { importPdf, type PdfJs } from '../../src/core/import/pdf.ts';
import { serializeDocumentFile } from '../../src/core/model/file.ts';
import {
  readUserDocumentRecord,
  USER_RECORD_VERSION,
  userDocumentRecord,
} from '../../src/storage/library.ts';
import { readDraft, readLibraryFile, sourceOfFile } from '../../src/ui/library/addToLibrary.ts';
import { createUserLibrary, type UserLibrary } from '../../src/ui/library/userLibrary.ts';
import { op, pre, res } from '../helpers/builders.ts';
import { pdfjs } from '../helpers/pdf-writer.ts';

const REAL = new URL('../../corpus/real/', import.meta.url);
const TITLE_79_188 =
  'Preventing and countering violence against children by organized criminal groups and terrorist groups in the field of crime prevention and criminal justice';

let pdf: PdfJs;
beforeAll(async () => {
  pdf = await pdfjs();
});

/** pdf.js in this thread, as the command line reads a PDF (Node has no workers). */
const readPdfHere: DocumentReader = async (file) => importPdf(new Uint8Array(await file.arrayBuffer()), pdf);

function realFile(name: string): File {
  return new File([readFileSync(new URL(name, REAL))], name);
}

function textFile(name: string, text: string): File {
  return new File([text], name);
}

/** Records as IndexedDB would hold them (structured clones), read back by the real record reader. */
function memoryStore(raw = new Map<string, unknown>()): UserDocumentStore & { raw: Map<string, unknown> } {
  let clock = Date.parse('2025-05-06T10:00:00Z');
  return {
    raw,
    list: () =>
      Promise.resolve([...raw].map(([key, value]) => readUserDocumentRecord(structuredClone(value), key))),
    add(documents) {
      clock += 1000;
      const added = documents.map((d, i) => ({
        recordVersion: USER_RECORD_VERSION,
        id: `user:${clock}-${i}`,
        name: d.name,
        addedAt: new Date(clock).toISOString(),
        source: d.source,
        document: d.document,
      }));
      for (const r of added) raw.set(r.id, structuredClone(r));
      return Promise.resolve({ ok: true, added: added.map((r) => ({ ...r, damaged: false as const })) });
    },
    restore(record) {
      raw.set(record.id, structuredClone(userDocumentRecord(record)));
      return Promise.resolve({ ok: true });
    },
    remove(id) {
      raw.delete(id);
      return Promise.resolve({ ok: true });
    },
    close: () => undefined,
  };
}

interface Harness {
  readonly library: UserLibrary;
  readonly store: ReturnType<typeof memoryStore>;
  /** Every list the worker was sent, in order. */
  readonly sent: (readonly LibraryDocument[])[];
  readonly announced: number[];
}

function harness(store = memoryStore()): Harness {
  const sent: (readonly LibraryDocument[])[] = [];
  const announced: number[] = [];
  const library = createUserLibrary({
    open: () => Promise.resolve(store),
    read: (file) => readLibraryFile(file, { readDocument: readPdfHere }),
    send: (documents) => {
      sent.push(documents);
      return Promise.resolve();
    },
    announce: () => announced.push(announced.length + 1),
  });
  return { library, store, sent, announced };
}

const draft = (title = 'Violence against children', text = 'Member States to protect children;') =>
  res({
    title,
    preamble: [pre('Recalling', 'its resolution 69/194 of 18 December 2014,')],
    operative: [op('Urges', text)],
  });

describe('readLibraryFile', () => {
  it('knows a file by its name: PDF, Word, plain text, web page, .resolution.json', () => {
    expect(
      ['a.PDF', 'b.docx', 'c.txt', 'd.html', 'e.htm', 'f.resolution.json', 'g.doc', 'h.odt'].map(
        sourceOfFile,
      ),
    ).toEqual(['pdf', 'docx', 'text', 'html', 'html', 'json', undefined, undefined]);
  });

  it('reads the PDF of A/RES/79/188 into one document, its 16 preambular and 12 operative paragraphs', async () => {
    const read = await readLibraryFile(realFile('A_RES_79_188.pdf'), { readDocument: readPdfHere });
    if (!read.ok) throw new Error(read.message);
    expect(read.documents).toHaveLength(1);
    const [one] = read.documents;
    expect(one).toMatchObject({ name: 'A_RES_79_188.pdf', source: 'pdf' });
    expect(one?.document.title).toBe(TITLE_79_188);
    expect(one?.document.metadata.symbol).toBe('A/RES/79/188');
    expect([one?.document.preamble.length, one?.document.operative.length]).toEqual([16, 12]);
  });

  it('reads a .docx through the importer (in this thread where no worker can start)', async () => {
    // Two operative paragraphs: a lone one is printed unnumbered, and reads back as preambular.
    const bytes = await exportDocx(
      res({
        title: 'Exported to Word',
        preamble: [pre('Recalling', 'its resolution 69/194 of 18 December 2014,')],
        operative: [
          op('Urges', 'Member States to protect children;'),
          op('Decides', 'to remain seized of the matter.'),
        ],
      }),
    );
    const read = await readLibraryFile(new File([bytes as BlobPart], 'exported.docx'));
    if (!read.ok) throw new Error(read.message);
    expect(read.documents.map((d) => [d.name, d.source, d.document.title])).toEqual([
      ['exported.docx', 'docx', 'Exported to Word'],
    ]);
    expect(read.documents[0]?.document.operative.map((p) => p.opener)).toEqual(['Urges', 'Decides']);
  });

  it('reads plain text, one paragraph to a line, and names each of several documents after the file', async () => {
    const text = [
      'Resolution 6/1',
      'Ensuring effective implementation of the Convention',
      'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
      'Recalling its resolution 5/1 of 22 October 2010,',
      '1. Requests the secretariat to report to it at its seventh session;',
      'Resolution 6/2',
      'Trafficking in persons',
      'The Conference of the Parties to the United Nations Convention against Transnational Organized Crime,',
      'Recalling its decision 4/4 of 17 October 2008,',
      '1. Urges States parties to implement the Protocol.',
    ].join('\n\n');
    const read = await readLibraryFile(textFile('sixth session.txt', text));
    if (!read.ok) throw new Error(read.message);
    expect(read.documents.map((d) => [d.name, d.source, d.document.number, d.document.title])).toEqual([
      ['sixth session.txt (1 of 2)', 'text', '6/1', 'Ensuring effective implementation of the Convention'],
      ['sixth session.txt (2 of 2)', 'text', '6/2', 'Trafficking in persons'],
    ]);
  });

  it('reads a web page through the HTML reader', async () => {
    const html = `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
      <h1 style="text-align:center">78/230. Strengthening the United Nations crime prevention programme</h1>
      <p><em>The General Assembly</em>,</p>
      <p><em>Reaffirming</em> its resolution 46/152 of 18&nbsp;December 1991,</p>
      <p>1. <em>Calls upon</em> Member States to implement the Convention;</p></body></html>`;
    const read = await readLibraryFile(textFile('page.htm', html));
    if (!read.ok) throw new Error(read.message);
    expect(read.documents.map((d) => [d.source, d.document.title, d.document.operative.length])).toEqual([
      ['html', 'Strengthening the United Nations crime prevention programme', 1],
    ]);
  });

  it('reads a .resolution.json saved by the app', async () => {
    const read = await readLibraryFile(
      textFile('ours.resolution.json', serializeDocumentFile(draft('Saved'))),
    );
    expect(read).toMatchObject({ ok: true, documents: [{ source: 'json', document: { title: 'Saved' } }] });
  });

  it('refuses a text with no resolution in it with a sentence saying what one looks like', async () => {
    expect(
      await readLibraryFile(textFile('shopping.txt', 'Milk\nEggs\nBread and butter for the week\n')),
    ).toEqual({
      ok: false,
      message:
        'shopping.txt was not added to the library: no resolution or decision was found in it. A resolution has a title, an enacting formula such as “The General Assembly,” and its paragraphs. Nothing was stored.',
    });
  });

  it('refuses other files, an empty file and a .json that is not a resolution, each saying why', async () => {
    expect(await readLibraryFile(textFile('minutes.odt', 'x'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^minutes\.odt was not added to the library: the library takes PDFs,/),
    });
    expect(await readLibraryFile(textFile('old.doc', 'x'))).toMatchObject({
      message: expect.stringContaining('save it as .docx'),
    });
    expect(await readLibraryFile(textFile('empty.txt', ''))).toEqual({
      ok: false,
      message: 'empty.txt was not added to the library: the file is empty. Nothing was stored.',
    });
    expect(await readLibraryFile(textFile('data.json', '{"format":"something else"}'))).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^data\.json was not added to the library: This is not a Resolution Drafter file/,
      ),
    });
  });

  it('gives the importer’s reason for a PDF it refuses, said of the library, not of drafts', async () => {
    const read = await readLibraryFile(textFile('broken.pdf', 'not a PDF at all'), {
      readDocument: readPdfHere,
    });
    expect(read).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^broken\.pdf was not added to the library: .+\. Nothing was stored\.$/),
    });
    expect(read.ok ? '' : read.message).not.toContain('drafts');
  });

  it('takes a draft with paragraphs, and refuses an empty one', () => {
    expect(readDraft(draft(), 'My draft')).toMatchObject({
      ok: true,
      documents: [{ name: 'My draft', source: 'draft' }],
    });
    expect(readDraft(res({ title: 'Nothing yet' }), 'Empty')).toEqual({
      ok: false,
      message: '“Empty” was not added to the library: it has no paragraphs yet. Nothing was stored.',
    });
  });
});

describe('createUserLibrary', () => {
  it('adds the PDF of A/RES/79/188, lists it with its title and 28 paragraphs, and hands it to the library', async () => {
    const { library, sent, announced } = harness();
    await library.load();
    expect(library.getState()).toMatchObject({ status: 'ready', documents: [], busy: false });
    // The first read does not send: the library asks for the documents when it loads.
    expect(sent).toEqual([]);

    const adding = library.addFiles([realFile('A_RES_79_188.pdf')]);
    expect(library.getState().busy).toBe(true);
    await adding;

    const state = library.getState();
    expect(state.busy).toBe(false);
    expect(state.documents).toEqual([
      {
        damaged: false,
        id: expect.stringMatching(/^user:/),
        name: 'A_RES_79_188.pdf',
        title: TITLE_79_188,
        symbol: 'A/RES/79/188',
        addedAt: expect.any(String),
        paragraphs: 28,
        source: 'pdf',
      },
    ]);
    expect(state.message).toEqual({
      text: 'Added “A_RES_79_188.pdf” to the library (28 paragraphs); the finder searches it now.',
      tone: 'info',
    });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.map((d) => d.meta)).toEqual([
      expect.objectContaining({
        id: state.documents[0]?.id,
        body: 'user',
        symbol: 'A/RES/79/188',
        session: 79,
        date: '2024-12-17',
        title: TITLE_79_188,
      }),
    ]);
    expect(announced).toHaveLength(1);
  });

  it('files a document without a symbol of its own under the name the user knows it by', async () => {
    const { library, sent } = harness();
    await library.addDraft(draft('Our text'), 'L.4 as of Monday');
    expect(sent.at(-1)?.map((d) => [d.meta.symbol, d.meta.body, d.doc.title])).toEqual([
      ['L.4 as of Monday', 'user', 'Our text'],
    ]);
    expect(library.getState().documents).toMatchObject([
      { name: 'L.4 as of Monday', source: 'draft', paragraphs: 2 },
    ]);
    expect(library.getState().message?.text).toBe(
      'Added the draft “L.4 as of Monday” to the library, as it reads now; later changes to the draft are not in it.',
    );
  });

  it('stores nothing and sends nothing for a file with no resolution, and says why', async () => {
    const { library, store, sent } = harness();
    await library.addFiles([textFile('notes.txt', 'Call the mission at ten.\nBring the draft.\n')]);
    expect(store.raw.size).toBe(0);
    expect(sent).toEqual([]);
    expect(library.getState()).toMatchObject({
      documents: [],
      message: {
        tone: 'error',
        text: expect.stringMatching(/^notes\.txt was not added to the library: no resolution/),
      },
    });
  });

  it('adds what it can of several files and names the one it refused', async () => {
    const { library, sent } = harness();
    await library.addFiles([
      textFile('ga-79-188.txt', readFileSync(new URL('ga-79-188.txt', REAL), 'utf8')),
      textFile('notes.txt', 'Call the mission at ten.\n'),
      textFile('ours.resolution.json', serializeDocumentFile(draft('Saved'))),
    ]);
    const state = library.getState();
    // The last added first.
    expect(state.documents.map((d) => d.name)).toEqual(['ours.resolution.json', 'ga-79-188.txt']);
    expect(state.message?.tone).toBe('warning');
    expect(state.message?.text).toMatch(
      /^Added “ga-79-188\.txt” and “ours\.resolution\.json” to the library \(30 paragraphs\); the finder searches them now\. notes\.txt was not added to the library: /,
    );
    expect(sent.at(-1)).toHaveLength(2);
  });

  it('removes a document, tells the library, and puts it back on undo', async () => {
    const { library, store, sent } = harness();
    await library.addDraft(draft('First'), 'first');
    const first = library.getState().documents[0];
    await library.addDraft(draft('Second'), 'second');
    const second = library.getState().documents[0];
    expect(second?.name).toBe('second');

    await library.remove(second!.id);
    expect(library.getState().documents.map((d) => d.name)).toEqual(['first']);
    expect(library.getState().message).toEqual({
      text: 'Removed “second” from the library.',
      tone: 'info',
      undo: true,
    });
    expect(sent.at(-1)?.map((d) => d.doc.title)).toEqual(['First']);
    expect([...store.raw.keys()]).not.toContain(second!.id);

    await library.undoRemove();
    expect(library.getState().documents.map((d) => [d.id, d.name])).toEqual([
      [second!.id, 'second'],
      [first?.id, 'first'],
    ]);
    expect(library.getState().message).toEqual({ text: '“second” is back in the library.', tone: 'info' });
    expect(sent.at(-1)?.map((d) => d.doc.title)).toEqual(['First', 'Second']);
    // Nothing more to undo.
    const before = sent.length;
    await library.undoRemove();
    expect(sent).toHaveLength(before);
  });

  it('lists a damaged record with why it cannot be read, keeps it out of the library, and removes it', async () => {
    const raw = new Map<string, unknown>([
      [
        'user:broken',
        { recordVersion: USER_RECORD_VERSION, id: 'user:broken', name: 'old notes.pdf', addedAt: 'never' },
      ],
    ]);
    const { library, sent } = harness(memoryStore(raw));
    await library.addDraft(draft('Good'), 'good');
    expect(library.getState().documents).toEqual([
      expect.objectContaining({ damaged: false, name: 'good' }),
      {
        damaged: true,
        id: 'user:broken',
        name: 'old notes.pdf',
        error: 'This stored document cannot be read: its field "addedAt" is missing or malformed.',
      },
    ]);
    expect(sent.at(-1)?.map((d) => d.meta.symbol)).toEqual(['good']);

    await library.remove('user:broken');
    expect(library.getState().documents.map((d) => d.name)).toEqual(['good']);
    expect(library.getState().message).toEqual({
      text: 'Removed the damaged record “old notes.pdf”.',
      tone: 'info',
    });
    expect(raw.has('user:broken')).toBe(false);
  });

  it('gives the stored documents to the library when it loads, as the index holds them', async () => {
    const store = memoryStore();
    const first = harness(store);
    await first.library.addDraft(draft('Kept'), 'kept');
    // A new page over the same storage: a reload.
    const again = harness(store);
    const documents = await again.library.libraryDocuments();
    expect(documents.map((d) => [d.meta.body, d.meta.symbol, d.doc.title])).toEqual([
      ['user', 'kept', 'Kept'],
    ]);
  });

  it('reports a write the storage refused, and keeps the list as it was', async () => {
    const store = memoryStore();
    const full: UserDocumentStore = {
      ...store,
      add: () => Promise.resolve({ ok: false, reason: 'quota', message: 'The storage is full.' }),
    };
    const { library, sent } = harness(Object.assign(full, { raw: store.raw }));
    await library.addFiles([textFile('ours.resolution.json', serializeDocumentFile(draft('Saved')))]);
    expect(library.getState()).toMatchObject({
      documents: [],
      message: {
        tone: 'error',
        text: 'ours.resolution.json was not added to the library: The storage is full.',
      },
    });
    expect(sent).toEqual([]);
  });

  it('says so when the browser offers no storage, and adds nothing', async () => {
    const library = createUserLibrary({
      open: () =>
        Promise.reject(new Error('This browser does not offer IndexedDB, so your documents cannot be kept.')),
      read: (file) => readLibraryFile(file),
      send: () => Promise.resolve(),
    });
    await library.addFiles([textFile('ours.resolution.json', serializeDocumentFile(draft()))]);
    expect(library.getState()).toMatchObject({
      status: 'unavailable',
      documents: [],
      message: {
        tone: 'error',
        text: 'This browser does not offer IndexedDB, so your documents cannot be kept.',
      },
    });
    expect(await library.libraryDocuments()).toEqual([]);
  });

  it('reads the list again when another tab changed it, and hands it to the library', async () => {
    const store = memoryStore();
    const here = harness(store);
    const there = harness(store);
    await here.library.load();
    await there.library.addDraft(draft('From the other tab'), 'other tab');
    await here.library.reload();
    expect(here.library.getState().documents.map((d) => d.name)).toEqual(['other tab']);
    expect(here.sent.at(-1)?.map((d) => d.doc.title)).toEqual(['From the other tab']);
  });

  it('does one change at a time, in the order asked: a removal waits for the file being read', async () => {
    const { library } = harness();
    await library.addDraft(draft('First'), 'first');
    const id = library.getState().documents[0]?.id ?? '';
    const adding = library.addFiles([realFile('A_RES_79_188.pdf')]);
    await library.remove(id);
    // Asked second, done second: the PDF was read and stored before the removal ran.
    expect(library.getState().documents.map((d) => d.name)).toEqual(['A_RES_79_188.pdf']);
    expect(library.getState().message?.text).toBe('Removed “first” from the library.');
    await adding;
  });
});
