/**
 * LibreOffice headless, as the .docx rendering tests run it: one call converts every file (LibreOffice
 * is slow to start), with a profile of its own under the test's working folder, so no two test files
 * share or wait on one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Converts `files` to `format` ("pdf", "docx:MS Word 2007 XML", "txt:Text (encoded):UTF8") into `outdir`. */
export function soffice(workDir: string, format: string, outdir: string, files: readonly string[]): void {
  mkdirSync(outdir, { recursive: true });
  const r = spawnSync(
    'soffice',
    [
      `-env:UserInstallation=file://${join(workDir, 'profile')}`,
      '--headless',
      '--convert-to',
      format,
      '--outdir',
      outdir,
      ...files,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
}
