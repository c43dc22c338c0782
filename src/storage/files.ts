/**
 * The files that carry drafts out of the browser and back in: one draft as a *.resolution.json file
 * (core/model/file.ts), or a bundle of every draft with its revisions and the raw data of every
 * damaged record. Writing a bundle and reading a file are pure; the store reads and writes the records.
 *
 * A file from elsewhere is expected trouble, never misuse (ARCHITECTURE.md, convention 6): what cannot
 * be read comes back as a message, and a bundle's unreadable drafts are listed while the rest import.
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import type { DamagedRecord, DraftEntry, DraftRecord, RevisionEntry, RevisionRecord } from './db.ts';
import { parseDocumentFile, serializeDocumentFile } from '../core/model/file.ts';
import { isFields, rawJson, rawText, readDocument } from './db.ts';
import { isTime, newDraftRecord, newRevisionRecord, timestampOf } from './draftRecords.ts';
import {
  LAST_STORED_REVISION,
  damagedFileName,
  defaultName,
  draftFileName,
  draftName,
  nameFromFile,
  revisionName,
} from './naming.ts';

export const BUNDLE_FORMAT = 'resolution-drafter/bundle';
export const BUNDLE_VERSION = 1;

/** The open draft's latest text, held by the editor, which the store may not have (see writeBundle). */
export interface UnsavedDraft {
  readonly draftId: string;
  readonly document: ResolutionDocument;
  /** Its name, for when the store no longer has it; the document's title otherwise. */
  readonly name?: string;
}

/** One draft as a file: its *.resolution.json, or for a damaged record the raw data as stored. */
export function draftFile(entry: DraftEntry): { fileName: string; text: string } {
  if (entry.damaged) return { fileName: damagedFileName(entry.id), text: rawText(entry.raw) };
  return { fileName: draftFileName(entry.name), text: serializeDocumentFile(entry.document) };
}

/**
 * Every draft not deleted, with its revisions, and the raw data of every damaged record, as the JSON
 * of a bundle. `unsaved` is the open draft's text that could not be stored (a full disk): it goes into
 * the bundle as that draft's document, and the stored text it supersedes as its revision "Last stored
 * version". `now` is the store's clock.
 */
export function writeBundle(content: {
  readonly drafts: readonly DraftEntry[];
  readonly revisions: readonly RevisionEntry[];
  readonly unsaved?: UnsavedDraft | undefined;
  readonly now: () => number;
}): string {
  const { unsaved, now } = content;
  const damagedRecords: { store: string; id: string; error: string; raw: unknown }[] = [];
  // Nothing is left out: a damaged record travels with its raw data, for whoever can repair it.
  const keep = (e: DamagedRecord): void => {
    damagedRecords.push({ store: e.store, id: e.id, error: e.error, raw: rawJson(e.raw) });
  };
  const revisionsByDraft = new Map<string, RevisionRecord[]>();
  for (const entry of content.revisions) {
    if (entry.damaged) {
      keep(entry);
      continue;
    }
    const list = revisionsByDraft.get(entry.draftId) ?? [];
    list.push(entry);
    revisionsByDraft.set(entry.draftId, list);
  }
  const drafts = [];
  for (const entry of content.drafts) {
    if (entry.deletedAt !== undefined) continue;
    if (entry.damaged) {
      keep(entry);
      continue;
    }
    const revisions = (revisionsByDraft.get(entry.id) ?? []).map(
      ({ id, name, createdAt, automatic, document }) => ({ id, name, createdAt, automatic, document }),
    );
    const newer = unsaved?.draftId === entry.id ? unsaved.document : undefined;
    // The text on screen wins; the stored text it was typed over stays, as a revision.
    if (newer && JSON.stringify(newer) !== JSON.stringify(entry.document))
      revisions.push({
        id: `${entry.id}-stored`,
        name: LAST_STORED_REVISION,
        createdAt: entry.updatedAt,
        automatic: true,
        document: entry.document,
      });
    drafts.push({
      id: entry.id,
      name: entry.name,
      createdAt: entry.createdAt,
      updatedAt: newer ? timestampOf(now) : entry.updatedAt,
      document: newer ?? entry.document,
      revisions,
    });
  }
  // The open draft is no longer stored (deleted in another tab, or damaged since): its text still goes.
  if (unsaved && !drafts.some((d) => d.id === unsaved.draftId)) {
    const timestamp = timestampOf(now);
    drafts.push({
      id: unsaved.draftId,
      name: unsaved.name ?? defaultName(unsaved.document),
      createdAt: timestamp,
      updatedAt: timestamp,
      document: unsaved.document,
      revisions: [],
    });
  }
  const bundle = {
    format: BUNDLE_FORMAT,
    bundleVersion: BUNDLE_VERSION,
    exportedAt: timestampOf(now),
    drafts,
    damaged: damagedRecords,
  };
  return `${JSON.stringify(bundle, null, 2)}\n`;
}

/** A bundle as read: its drafts' fields, still to be checked one by one. */
export type BundleRead =
  | { readonly drafts: readonly Readonly<Record<string, unknown>>[]; readonly damagedCount: number }
  | { readonly error: string };

/** Recognizes a bundle written by writeBundle; undefined when the text is something else (a document file). */
export function parseBundle(text: string): BundleRead | undefined {
  if (!text.includes(BUNDLE_FORMAT)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.startsWith('\uFEFF') ? text.slice(1) : text);
  } catch {
    return undefined; // parseDocumentFile explains what is wrong with the JSON
  }
  if (!isFields(parsed) || parsed.format !== BUNDLE_FORMAT) return undefined;
  if (typeof parsed.bundleVersion !== 'number' || parsed.bundleVersion > BUNDLE_VERSION)
    return {
      error: 'This bundle was written by a newer version of Resolution Drafter; update the app to open it.',
    };
  if (!Array.isArray(parsed.drafts)) return { error: 'The bundle has no list of drafts.' };
  return {
    drafts: (parsed.drafts as unknown[]).map((d) => (isFields(d) ? d : {})),
    damagedCount: Array.isArray(parsed.damaged) ? parsed.damaged.length : 0,
  };
}

/** What an imported file becomes: one new draft, the records of a bundle, or why it cannot be read. */
export type ImportRead =
  | { readonly kind: 'document'; readonly document: ResolutionDocument; readonly name?: string }
  | {
      readonly kind: 'bundle';
      readonly drafts: readonly DraftRecord[];
      readonly revisions: readonly RevisionRecord[];
      /** What the bundle held that could not be imported, one line each. */
      readonly problems: readonly string[];
    }
  | { readonly kind: 'invalid'; readonly error: string };

/**
 * Reads a *.resolution.json file (one new draft, named after the file when its name is given) or a
 * bundle (new records under new ids; a draft or revision whose document cannot be read is left out
 * and said so). `now` is the store's clock, for the times a bundle does not carry.
 */
export function readImportFile(text: string, fileName: string | undefined, now: () => number): ImportRead {
  const bundle = parseBundle(text);
  if (!bundle) {
    const parsed = parseDocumentFile(text);
    if (!parsed.ok) return { kind: 'invalid', error: parsed.error };
    return fileName === undefined
      ? { kind: 'document', document: parsed.document }
      : { kind: 'document', document: parsed.document, name: nameFromFile(fileName) };
  }
  if ('error' in bundle) return { kind: 'invalid', error: bundle.error };
  const problems: string[] = [];
  const drafts: DraftRecord[] = [];
  const revisions: RevisionRecord[] = [];
  const timestamp = timestampOf(now);
  bundle.drafts.forEach((item, i) => {
    const label = `Draft ${i + 1}${typeof item.name === 'string' ? ` ("${item.name}")` : ''}`;
    const document = bundleDocument(item.document);
    if (typeof document === 'string') {
      problems.push(`${label} was not imported: ${document}`);
      return;
    }
    const record = newDraftRecord({
      name: draftName(item.name, document),
      createdAt: isTime(item.createdAt) ? item.createdAt : timestamp,
      updatedAt: isTime(item.updatedAt) ? item.updatedAt : timestamp,
      document,
    });
    drafts.push(record);
    const items = Array.isArray(item.revisions) ? (item.revisions as unknown[]) : [];
    items.forEach((rev, j) => {
      const fields = isFields(rev) ? rev : {};
      const revDocument = bundleDocument(fields.document);
      if (typeof revDocument === 'string') {
        problems.push(`${label}, revision ${j + 1}, was not imported: ${revDocument}`);
        return;
      }
      revisions.push(
        newRevisionRecord({
          draftId: record.id,
          name: typeof fields.name === 'string' && fields.name !== '' ? fields.name : revisionName(j + 1),
          createdAt: isTime(fields.createdAt) ? fields.createdAt : timestamp,
          automatic: fields.automatic === true,
          saveCount: 1,
          document: revDocument,
        }),
      );
    });
  });
  if (bundle.damagedCount > 0)
    problems.push(
      `${bundle.damagedCount} damaged record${bundle.damagedCount === 1 ? '' : 's'} in the bundle ${bundle.damagedCount === 1 ? 'was' : 'were'} not imported (their raw data stays in the file).`,
    );
  return { kind: 'bundle', drafts, revisions, problems };
}

/** A document of a bundle through migrations and validation (as a stored one); a string says what is wrong. */
function bundleDocument(value: unknown): ResolutionDocument | string {
  const read = readDocument(value);
  return read.ok ? read.document : read.error;
}
