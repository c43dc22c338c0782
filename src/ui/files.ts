/** Files in and out of the browser: downloads through a Blob URL, reading a chosen file as text. */

export function downloadText(fileName: string, text: string, type = 'application/json'): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  // Revoke after the browser has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Files larger than this are refused before reading: no draft comes near it. */
export const MAX_OPEN_BYTES = 20 * 1024 * 1024;

export async function readFileText(
  file: File,
): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (file.size > MAX_OPEN_BYTES)
    return {
      ok: false,
      error: `${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; files over 20 MB are refused.`,
    };
  try {
    return { ok: true, text: await file.text() };
  } catch (e) {
    return {
      ok: false,
      error: `${file.name} could not be read (${e instanceof Error ? e.message : String(e)}).`,
    };
  }
}
