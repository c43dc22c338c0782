/**
 * The names the draft store gives things: a draft named after its title, "<name> (copy)", revisions
 * "Rev.1", "Rev.2" ..., the automatic "Before restoring <revision>" and "Last stored version", a
 * damaged record set aside as "<name> (damaged)", and the file names a draft travels under.
 *
 * The people drafting see every one of these names (and the tests and journeys assert on them), so
 * they are made here only. Pure functions: no IndexedDB, no clock.
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import { FILE_EXTENSION } from '../core/model/file.ts';

/** "Rev.3" → 3. */
const REV_NAME = /^Rev\.(\d+)$/;

/** The name of the revision numbered `n`: "Rev.3". */
export function revisionName(n: number): string {
  return `Rev.${n}`;
}

/** The number of a "Rev.N" name; 0 for any other name. */
export function revisionNumber(name: string): number {
  const m = REV_NAME.exec(name);
  return m ? Number(m[1]) : 0;
}

/** The name of an unnamed revision: one above the highest "Rev.N" so far, whatever else is named. */
export function nextRevisionName(names: readonly string[]): string {
  let max = 0;
  for (const name of names) max = Math.max(max, revisionNumber(name));
  return revisionName(max + 1);
}

/** The automatic revision a restore keeps of the text it replaces, so the restore can be undone. */
export function backupRevisionName(restoredName: string): string {
  return `Before restoring ${restoredName}`;
}

/** The name of the revision a bundle gives the stored text that the unsaved text supersedes. */
export const LAST_STORED_REVISION = 'Last stored version';

/** The name a draft gets when none is given: its document's title, or "Untitled draft". */
export function defaultName(document: ResolutionDocument): string {
  return document.title.trim() || 'Untitled draft';
}

/** A given name, trimmed; the default name when it is missing, blank or (in a bundle) not text. */
export function draftName(name: unknown, document: ResolutionDocument): string {
  return typeof name === 'string' && name.trim() !== '' ? name.trim() : defaultName(document);
}

/** The name a duplicated draft gets when none is given. */
export function copyName(name: string): string {
  return `${name} (copy)`;
}

/** The name a damaged draft record is listed under once a restore has set it aside. */
export function setAsideName(name: string): string {
  return `${name} (damaged)`;
}

/**
 * A file name from a name people gave: the characters that file systems refuse are replaced, the
 * length kept to what every file system takes, and a blank name becomes "draft".
 */
export function safeFileName(name: string, extension: string): string {
  const base =
    name
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, '-')
      .trim()
      .slice(0, 120) || 'draft';
  return base + extension;
}

/** A file name from a draft name: characters that file systems refuse are replaced. */
export function draftFileName(name: string): string {
  return safeFileName(name, FILE_EXTENSION);
}

/** The file a damaged record's raw data is downloaded as. */
export function damagedFileName(id: string): string {
  return `${id}.damaged.json`;
}

/** The draft name a file suggests: its name without folders and without ".resolution.json" or ".json". */
export function nameFromFile(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '');
  const lower = base.toLowerCase();
  if (lower.endsWith(FILE_EXTENSION)) return base.slice(0, -FILE_EXTENSION.length);
  return lower.endsWith('.json') ? base.slice(0, -'.json'.length) : base;
}
