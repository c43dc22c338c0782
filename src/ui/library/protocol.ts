/**
 * Messages between the page and the library worker (./library-worker.ts). Every request carries a
 * `requestId` (never `id`: a request's own arguments name documents by `id`) and gets one answer with
 * that requestId: a value or an error message.
 */
import type { LibraryCompletionData } from '../../core/library/completion-data.ts';
import type { LibraryMatch } from '../../core/library/matches.ts';
import type { LineageVersion, ParagraphRef } from '../../core/library/lineage.ts';
import type { SearchOptions } from '../../core/library/search-index.ts';
import type { LibraryDocument, LibraryMeta } from '../../core/library/types.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import type { UpdateProposal, UpdateTarget } from '../../core/library/update.ts';

/** A library resolution with the updates that make it its next version's draft. */
export interface LibraryUpdates {
  readonly base: LibraryDocument;
  readonly target: UpdateTarget;
  readonly proposals: readonly UpdateProposal[];
}

export interface LibraryStats {
  readonly documents: number;
  readonly paragraphs: number;
  /** Documents the user added. */
  readonly userDocuments: number;
  /** From the request to the index ready, in the worker (fetch, inflate, read and lay out). */
  readonly loadMs: number;
  /** Where the load's time went. */
  readonly phases: {
    readonly fetchMs: number;
    readonly inflateMs: number;
    /** Reading the index pack and laying out its postings. */
    readonly indexMs: number;
  };
  /** Bytes fetched (the gzipped index pack). */
  readonly bytes: number;
  /** Bytes of texts fetched so far (gzipped shards, as results needed them). */
  readonly textBytes: number;
  /** Time spent inflating and reading those texts (after their fetch). */
  readonly textMs: number;
}

/** What each request asks, and what it answers. */
export interface LibraryRequests {
  /** Loads the index pack at `url`; the texts are fetched from `textUrls` (in shard order) as needed. */
  readonly load: {
    readonly args: { readonly url: string; readonly textUrls: readonly string[] };
    readonly result: LibraryStats;
  };
  readonly search: {
    readonly args: { readonly text: string; readonly options: SearchOptions };
    readonly result: readonly LibraryMatch[];
  };
  readonly documents: { readonly args: Record<string, never>; readonly result: readonly LibraryMeta[] };
  readonly document: { readonly args: { readonly id: string }; readonly result: LibraryDocument | null };
  readonly lineage: {
    readonly args: { readonly ref: ParagraphRef };
    readonly result: readonly LineageVersion[];
  };
  /** The library resolution a draft follows ("last year's"), if any. */
  readonly predecessor: {
    readonly args: { readonly doc: ResolutionDocument };
    readonly result: LibraryMeta | null;
  };
  /** Documents on the same agenda item as a draft (its predecessor's family and same-titled items). */
  readonly sameItem: {
    readonly args: { readonly doc: ResolutionDocument };
    readonly result: readonly string[];
  };
  /** What updates a library resolution into its next version's draft (core/library/update.ts). */
  readonly updates: {
    readonly args: { readonly id: string };
    readonly result: LibraryUpdates | null;
  };
  /** What completion knows from the library (openers by body, acts, instruments), the user's included. */
  readonly completionData: {
    /** userOnly: the user's documents alone (the shipped texts' come from their own file). */
    readonly args: { readonly userOnly?: boolean };
    readonly result: LibraryCompletionData;
  };
  /** Replaces the user's documents (those the user added, from IndexedDB). */
  readonly setUserDocuments: {
    readonly args: { readonly documents: readonly LibraryDocument[] };
    readonly result: LibraryStats;
  };
}

export type LibraryRequestType = keyof LibraryRequests;

export type LibraryRequest = {
  [K in LibraryRequestType]: { readonly requestId: number; readonly type: K } & LibraryRequests[K]['args'];
}[LibraryRequestType];

export type LibraryResponse =
  | { readonly requestId: number; readonly ok: true; readonly value: unknown }
  | { readonly requestId: number; readonly ok: false; readonly error: string };
