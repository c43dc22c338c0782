/**
 * Reads the few parts of a .docx the import needs, without trusting the archive (issue 5: "not a zip,
 * a truncated zip, a zip bomb, a 20 MB document ... give a clear message within two seconds").
 *
 * Before inflating anything it reads the zip's central directory itself (APPNOTE.TXT 4.3.12-4.3.16)
 * and checks the sizes the archive declares; while inflating (JSZip, streamed) it counts the bytes
 * that really come out and stops at the declared size, since a crafted archive may declare small
 * sizes and inflate to gigabytes. Only the named parts are inflated: images and other media are never
 * touched, so a large but honest file stays cheap.
 */
import JSZip from 'jszip';

/** Larger files are refused before reading (the command line refuses them too: src/cli/io.ts). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** One XML part may inflate to this much: a long resolution's document.xml is well under 1 MB. */
export const MAX_PART_BYTES = 16 * 1024 * 1024;
/** All the parts read, together. */
export const MAX_TOTAL_BYTES = 24 * 1024 * 1024;
/** More entries than this is not a Word document anyone wrote. */
const MAX_ENTRIES = 10_000;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
}

export type ZipResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

function megabytes(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

/** The central directory's entries, or why the bytes are not a readable zip archive. */
export function zipEntries(bytes: Uint8Array): ZipResult<ZipEntry[]> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const isZipStart = bytes.length >= 4 && view.getUint32(0, true) === 0x04034b50;
  if (bytes.length >= 8 && view.getUint32(0, false) === 0xd0cf11e0)
    return {
      ok: false,
      error:
        'this is not a .docx: it is an older Word (.doc) file or a password-protected document; save it as .docx without a password',
    };
  // The end-of-central-directory record sits in the last 22 bytes plus at most a 64 KB comment.
  let eocd = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === EOCD) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0)
    return {
      ok: false,
      error: isZipStart
        ? 'the file is damaged: the zip archive is truncated (its directory at the end is missing)'
        : 'this is not a Word document (.docx): the file is not a zip archive',
    };
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || offset === 0xffffffff)
    return {
      ok: false,
      error: 'the archive is in ZIP64 form, which no Word document needs; it was not read',
    };
  if (count > MAX_ENTRIES)
    return { ok: false, error: `the archive has ${count} entries; a Word document has a few dozen` };
  if (offset + size > eocd)
    return {
      ok: false,
      error: 'the file is damaged: the zip archive is truncated or its directory is corrupt',
    };
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > eocd || view.getUint32(at, true) !== CENTRAL)
      return { ok: false, error: 'the file is damaged: the zip archive directory is corrupt' };
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    entries.push({
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { ok: true, value: entries };
}

/** The subset of JSZip's documented `internalStream` its typings leave out. */
interface StreamHelper {
  on(event: 'data', callback: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', callback: () => void): StreamHelper;
  on(event: 'error', callback: (e: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
}
interface StreamingObject {
  internalStream(type: 'uint8array'): StreamHelper;
}

function inflate(file: JSZip.JSZipObject, limit: number, name: string): Promise<ZipResult<Uint8Array>> {
  return new Promise((resolve) => {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const stream = (file as unknown as StreamingObject).internalStream('uint8array');
    stream
      .on('data', (chunk) => {
        if (done) return;
        total += chunk.length;
        if (total > limit) {
          done = true;
          stream.pause();
          resolve({
            ok: false,
            error: `refused: ${name} inflates beyond the size the archive declares (${megabytes(limit)}); the file looks like a zip bomb`,
          });
          return;
        }
        chunks.push(chunk);
      })
      .on('error', (e) => {
        if (done) return;
        done = true;
        resolve({ ok: false, error: `the file is damaged: ${name} cannot be inflated (${e.message})` });
      })
      .on('end', () => {
        if (done) return;
        done = true;
        const out = new Uint8Array(total);
        let at = 0;
        for (const c of chunks) {
          out.set(c, at);
          at += c.length;
        }
        resolve({ ok: true, value: out });
      })
      .resume();
  });
}

/**
 * The text of the named parts that exist (absent ones are left out), after the checks above.
 * `required` parts must exist.
 */
export async function readParts(
  bytes: Uint8Array,
  names: readonly string[],
  required: readonly string[],
): Promise<ZipResult<Map<string, string>>> {
  if (bytes.length > MAX_FILE_BYTES)
    return {
      ok: false,
      error: `the file is ${megabytes(bytes.length)}; files over ${megabytes(MAX_FILE_BYTES)} are not read (a resolution is far smaller)`,
    };
  const listed = zipEntries(bytes);
  if (!listed.ok) return listed;
  const wanted = listed.value.filter((e) => names.includes(e.name));
  for (const name of required)
    if (!wanted.some((e) => e.name === name))
      return { ok: false, error: `this is a zip archive but not a Word document: it has no ${name}` };
  let declared = 0;
  for (const e of wanted) {
    declared += e.uncompressedSize;
    if (e.uncompressedSize > MAX_PART_BYTES || declared > MAX_TOTAL_BYTES)
      return {
        ok: false,
        error: `refused: ${e.name} would inflate to ${megabytes(e.uncompressedSize)} (the limit is ${megabytes(MAX_PART_BYTES)}); the file looks like a zip bomb or is not a resolution`,
      };
    if (e.method !== 0 && e.method !== 8)
      return { ok: false, error: `${e.name} is compressed with method ${e.method}, which Word never uses` };
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (e) {
    return { ok: false, error: `the file is damaged: ${e instanceof Error ? e.message : String(e)}` };
  }
  const out = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: false });
  for (const e of wanted) {
    const file = zip.file(e.name);
    if (!file) continue;
    const inflated = await inflate(file, e.uncompressedSize, e.name);
    if (!inflated.ok) return inflated;
    out.set(e.name, decoder.decode(inflated.value));
  }
  return { ok: true, value: out };
}
