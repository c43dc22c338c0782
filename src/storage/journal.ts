/**
 * The crash journal: the open draft's latest text, written synchronously to localStorage each time
 * the editor's model is read (a fraction of a second after typing). IndexedDB writes are
 * asynchronous and a killed browser or a closing tab may never finish them; a localStorage write
 * has finished when the call returns. On the next start, a journal whose text differs from the
 * stored draft is what the autosave had not stored yet, and is recovered.
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import { validateDocument } from '../core/model/validate.ts';

const PREFIX = 'resolution-drafter:journal:';
const VERSION = 1;

export interface JournalEntry {
  readonly draftId: string;
  /** The save count of the stored version this text was typed on. */
  readonly basedOn: number;
  /** When it was written, in milliseconds since the epoch. */
  readonly at: number;
  readonly document: ResolutionDocument;
}

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled by the browser's settings
  }
}

/**
 * The journal's operations over one key prefix: the app's (`journal`, the functions below), or a
 * prefix of its own, for tests that run beside each other in one browser origin.
 */
export interface Journal {
  write(entry: JournalEntry): boolean;
  read(draftId: string): JournalEntry | undefined;
  list(): JournalRecord[];
  clear(draftId: string): void;
}

export function createJournal(prefix: string = PREFIX): Journal {
  return {
    write: (entry) => write(prefix, entry),
    read: (draftId) => read(prefix, draftId),
    list: () => list(prefix),
    clear: (draftId) => clear(prefix, draftId),
  };
}

/** Writes the journal; false when the browser refuses (full or disabled) — the autosave still runs. */
export function writeJournal(entry: JournalEntry): boolean {
  return write(PREFIX, entry);
}

function write(prefix: string, entry: JournalEntry): boolean {
  const s = storage();
  if (!s) return false;
  try {
    s.setItem(prefix + entry.draftId, JSON.stringify({ v: VERSION, ...entry }));
    return true;
  } catch {
    return false;
  }
}

/**
 * The journal of a draft, or undefined. One that cannot be read back as a document is not trusted
 * here, but it is not dropped either: `listJournals` offers its text for download.
 */
export function readJournal(draftId: string): JournalEntry | undefined {
  return read(PREFIX, draftId);
}

function read(prefix: string, draftId: string): JournalEntry | undefined {
  const raw = storage()?.getItem(prefix + draftId);
  return raw ? parseJournal(draftId, raw) : undefined;
}

/**
 * The drafts that have a journal, with what each holds: a document the store would take, or text it
 * would not (a journal written while saves failed validation). Neither is dropped here: the caller
 * offers each back (issue 11: unsaved text comes back on the next load, whatever made the save fail).
 */
export type JournalRecord =
  | { readonly kind: 'document'; readonly entry: JournalEntry }
  | { readonly kind: 'raw'; readonly draftId: string; readonly text: string };

export function listJournals(): JournalRecord[] {
  return list(PREFIX);
}

function list(prefix: string): JournalRecord[] {
  const s = storage();
  if (!s) return [];
  const ids: string[] = [];
  try {
    for (let i = 0; i < s.length; i++) {
      const key = s.key(i);
      if (key?.startsWith(prefix)) ids.push(key.slice(prefix.length));
    }
  } catch {
    return [];
  }
  const records: JournalRecord[] = [];
  for (const draftId of ids) {
    const raw = s.getItem(prefix + draftId);
    if (!raw) continue;
    const entry = parseJournal(draftId, raw);
    records.push(entry ? { kind: 'document', entry } : { kind: 'raw', draftId, text: raw });
  }
  return records;
}

function parseJournal(draftId: string, raw: string): JournalEntry | undefined {
  try {
    const value = JSON.parse(raw) as Record<string, unknown>;
    const checked = validateDocument(value.document);
    if (
      value.v !== VERSION ||
      value.draftId !== draftId ||
      typeof value.basedOn !== 'number' ||
      typeof value.at !== 'number' ||
      !checked.ok
    )
      return undefined;
    return { draftId, basedOn: value.basedOn, at: value.at, document: checked.document };
  } catch {
    return undefined;
  }
}

export function clearJournal(draftId: string): void {
  clear(PREFIX, draftId);
}

function clear(prefix: string, draftId: string): void {
  try {
    storage()?.removeItem(prefix + draftId);
  } catch {
    // nothing to do: a journal that cannot be removed is compared with the stored text next time
  }
}

export type Recovery =
  | { readonly kind: 'none' }
  | { readonly kind: 'in-place'; readonly document: ResolutionDocument }
  | { readonly kind: 'copy'; readonly document: ResolutionDocument };

/**
 * What to do with a journal when its draft opens. Same text as stored: nothing. Otherwise the journal
 * holds unsaved typing: back into the draft when nothing else was stored since (or only this tab's own
 * save in flight, older than the journal); as a separate copy when another tab may have saved since,
 * so neither text is lost.
 */
export function recoveryFor(
  journal: JournalEntry | undefined,
  stored: { readonly saveCount: number; readonly updatedAt: string; readonly document: ResolutionDocument },
): Recovery {
  if (!journal) return { kind: 'none' };
  if (JSON.stringify(journal.document) === JSON.stringify(stored.document)) return { kind: 'none' };
  const storedAt = Date.parse(stored.updatedAt);
  const ownSaveInFlight =
    stored.saveCount === journal.basedOn + 1 && Number.isFinite(storedAt) && storedAt <= journal.at;
  if (stored.saveCount <= journal.basedOn || ownSaveInFlight)
    return { kind: 'in-place', document: journal.document };
  return { kind: 'copy', document: journal.document };
}
