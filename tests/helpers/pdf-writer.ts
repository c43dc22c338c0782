/**
 * A small PDF writer for the tests of the PDF reader: just enough of ISO 32000-1 (objects, a
 * cross-reference table, a trailer, the standard security handler's revision 2) to build the files
 * a reader must refuse — a password, a scan with no text, 2,000 pages — and tiny text pages whose
 * geometry a test sets exactly. pdf.js itself, loaded as the command line loads it, for the tests.
 */
import { createHash } from 'node:crypto';
import type { PdfJs } from '../../src/core/import/pdf.ts';

/** The legacy build (the one for Node), its worker half in this thread as pdf.js falls back to. */
const WORKER = 'pdfjs-dist/legacy/build/pdf.worker.mjs';

export async function pdfjs(): Promise<PdfJs> {
  // A specifier in a variable: the worker file has no type declarations.
  const worker: unknown = await import(WORKER);
  (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
  return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as PdfJs;
}

const latin1 = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0) & 0xff);

export interface PdfObject {
  /** The object's dictionary or value, e.g. "<< /Type /Catalog /Pages 2 0 R >>". */
  readonly body: string;
  /** Stream data; /Length is added to the dictionary. */
  readonly stream?: string | Uint8Array;
}

/**
 * A PDF of `objects`, numbered from 1 in order; object 1 is the catalog. `trailer` adds to the
 * trailer dictionary (e.g. "/Encrypt 9 0 R /ID [<...> <...>]").
 */
export function writePdf(objects: readonly PdfObject[], trailer = ''): Uint8Array {
  const parts: Uint8Array[] = [latin1('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n')];
  let length = parts[0]!.length;
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    length += bytes.length;
  };
  const offsets: number[] = [];
  objects.forEach((object, k) => {
    offsets.push(length);
    if (object.stream === undefined) push(latin1(`${k + 1} 0 obj\n${object.body}\nendobj\n`));
    else {
      const data = typeof object.stream === 'string' ? latin1(object.stream) : object.stream;
      const dict = object.body.replace(/>>\s*$/, ` /Length ${data.length} >>`);
      push(latin1(`${k + 1} 0 obj\n${dict}\nstream\n`));
      push(data);
      push(latin1('\nendstream\nendobj\n'));
    }
  });
  const xref = length;
  const rows = offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  push(
    latin1(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A string for a content stream: parentheses and backslashes escaped. */
const pdfString = (text: string): string => `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;

export interface TextRun {
  readonly text: string;
  readonly x: number;
  /** Baseline from the bottom of the page, as PDF content streams place it. */
  readonly y: number;
  readonly size: number;
  readonly font?: 'regular' | 'italic' | 'bold';
}

const FONTS = { regular: 'Times-Roman', italic: 'Times-Italic', bold: 'Times-Bold' } as const;

/** A PDF whose pages draw these runs in the standard Times fonts, on US Letter (612 × 792). */
export function textPdf(pages: readonly (readonly TextRun[])[], extraCatalog = ''): Uint8Array {
  const fontRefs = { regular: 3, italic: 4, bold: 5 } as const;
  const objects: PdfObject[] = [
    { body: `<< /Type /Catalog /Pages 2 0 R ${extraCatalog}>>` },
    {
      body: `<< /Type /Pages /Kids [${pages.map((_, k) => `${6 + 2 * k} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    },
    ...Object.values(FONTS).map((name) => ({
      body: `<< /Type /Font /Subtype /Type1 /BaseFont /${name} /Encoding /WinAnsiEncoding >>`,
    })),
  ];
  pages.forEach((runs, k) => {
    const content = runs
      .map(
        (r) =>
          `BT /F${fontRefs[r.font ?? 'regular']} ${r.size} Tf ${r.x} ${r.y} Td ${pdfString(r.text)} Tj ET`,
      )
      .join('\n');
    objects.push(
      {
        body: `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F3 3 0 R /F4 4 0 R /F5 5 0 R >> >> /Contents ${7 + 2 * k} 0 R >>`,
      },
      { body: '<< >>', stream: content },
    );
  });
  return writePdf(objects);
}

/** A scan: one page holding a picture and no text. */
export function imageOnlyPdf(): Uint8Array {
  const pixels = new Uint8Array(64 * 64).map((_, i) => (i * 37) & 0xff);
  return writePdf([
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
    {
      body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 5 0 R >> >> /Contents 4 0 R >>',
    },
    { body: '<< >>', stream: 'q 500 0 0 700 56 46 cm /Im1 Do Q' },
    {
      body: '<< /Type /XObject /Subtype /Image /Width 64 /Height 64 /ColorSpace /DeviceGray /BitsPerComponent 8 >>',
      stream: pixels,
    },
  ]);
}

/** `count` empty pages. */
export function manyPagesPdf(count: number): Uint8Array {
  const objects: PdfObject[] = [
    { body: '<< /Type /Catalog /Pages 2 0 R >>' },
    {
      body: `<< /Type /Pages /Kids [${Array.from({ length: count }, (_, k) => `${k + 3} 0 R`).join(' ')}] /Count ${count} >>`,
    },
  ];
  for (let k = 0; k < count; k += 1)
    objects.push({ body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>' });
  return writePdf(objects);
}

/** The 32 bytes passwords are padded with (ISO 32000-1, 7.6.3.3, algorithm 2, step a). */
const PADDING = Uint8Array.from([
  0x28, 0xbf, 0x4e, 0x5e, 0x4e, 0x75, 0x8a, 0x41, 0x64, 0x00, 0x4e, 0x56, 0xff, 0xfa, 0x01, 0x08, 0x2e, 0x2e,
  0x00, 0xb6, 0xd0, 0x68, 0x3e, 0x80, 0x2f, 0x0c, 0xa9, 0xfe, 0x64, 0x53, 0x69, 0x7a,
]);

function padded(password: string): Uint8Array {
  const out = new Uint8Array(32);
  const bytes = latin1(password).subarray(0, 32);
  out.set(bytes);
  out.set(PADDING.subarray(0, 32 - bytes.length), bytes.length);
  return out;
}

function md5(...parts: Uint8Array[]): Uint8Array {
  const hash = createHash('md5');
  for (const p of parts) hash.update(p);
  return new Uint8Array(hash.digest());
}

function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i += 1) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  let a = 0;
  j = 0;
  for (let k = 0; k < data.length; k += 1) {
    a = (a + 1) & 0xff;
    j = (j + s[a]!) & 0xff;
    [s[a], s[j]] = [s[j]!, s[a]!];
    out[k] = data[k]! ^ s[(s[a]! + s[j]!) & 0xff]!;
  }
  return out;
}

const hex = (bytes: Uint8Array): string => `<${Buffer.from(bytes).toString('hex')}>`;

/**
 * A one-page PDF that opens only with `userPassword` (the standard security handler, revision 2,
 * RC4 40-bit: algorithms 2, 3 and 4 of ISO 32000-1, 7.6.3). Its page is empty: a reader without the
 * password never gets that far.
 */
export function passwordPdf(userPassword: string, ownerPassword = 'owner'): Uint8Array {
  const id = md5(latin1('resolution-drafter test'));
  const permissions = -44; // print and copy refused, as a protected UN document might say
  const o = rc4(md5(padded(ownerPassword)).subarray(0, 5), padded(userPassword));
  const p = new Uint8Array(4);
  new DataView(p.buffer).setInt32(0, permissions, true);
  const key = md5(padded(userPassword), o, p, id).subarray(0, 5);
  const u = rc4(key, PADDING);
  return writePdf(
    [
      { body: '<< /Type /Catalog /Pages 2 0 R >>' },
      { body: '<< /Type /Pages /Kids [3 0 R] /Count 1 >>' },
      { body: '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>' },
      {
        body: `<< /Filter /Standard /V 1 /R 2 /Length 40 /O ${hex(o)} /U ${hex(u)} /P ${permissions} >>`,
      },
    ],
    `/Encrypt 4 0 R /ID [${hex(id)} ${hex(id)}] `,
  );
}
