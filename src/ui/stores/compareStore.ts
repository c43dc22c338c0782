/**
 * The compare view's state (issue 4; ARCHITECTURE.md convention 12): what the draft is compared with,
 * the switches, redline or columns, the change in focus, and what follows from them: the bases on
 * offer, the base as read, `compareDocuments`' result and the changes to step through. The view
 * (../CompareView.tsx and ../compare/) draws it and calls its actions; the focus, the scrolling and
 * the keys stay there, being the page's.
 *
 * The comparison is made again only when the base, the draft or a switch changes, and the change in
 * focus belongs to the result it was chosen in: a new result starts before the first change. Corpus
 * documents, the library's and files are at hand; revisions and drafts are read from storage, and only
 * the answer for the choice still standing is taken. A base read after the view closed lands in a
 * store no one reads, so there is nothing to tear down (and nothing for StrictMode's second mount to
 * undo).
 */
import { compareDocuments } from '../../core/compare/compare.ts';
import type { CompareOptions, CompareResult, ParagraphChange } from '../../core/compare/types.ts';
import type { BaseDocument, ResolutionDocument } from '../../core/model/types.ts';
import type { DraftSummary, RevisionSummary } from '../../storage/drafts.ts';
import { readBaseFile, type FileBase } from '../compare/baseFile.ts';

/** A library document offered as a base: compared with, not recorded as the draft's base. */
export interface LibraryBase {
  /** "A/RES/79/136". */
  readonly ref: string;
  readonly label: string;
  readonly document: ResolutionDocument;
}

/** What the view is given by the workspace; `setSources` when any of it changes. */
export interface CompareSources {
  /** The draft's latest text (the autosave has been flushed). */
  readonly draft: ResolutionDocument;
  readonly draftId: string;
  readonly revisions: readonly RevisionSummary[];
  readonly drafts: readonly DraftSummary[];
  readonly loadRevision: (id: string) => Promise<ResolutionDocument | undefined>;
  readonly loadDraft: (id: string) => Promise<ResolutionDocument | undefined>;
  /** A document of the library to compare with, chosen first (the resolution the draft follows). */
  readonly libraryBase?: LibraryBase | undefined;
}

/** The shipped report's documents (../corpusData.ts), passed in so that a test can bring its own. */
export interface CompareCorpus {
  readonly documents: readonly ResolutionDocument[];
  /** "resolution 6/3" → the corpus document. */
  readonly byRef: (ref: string) => ResolutionDocument | undefined;
}

export type CompareMode = 'redline' | 'side';

/** The switches of the view are the comparison's own options. */
export type CompareSwitch = keyof CompareOptions;

export interface BaseChoice {
  readonly value: string;
  readonly label: string;
  /** What "Use as base for tracked changes" records; absent where the base cannot be one (a draft, a file). */
  readonly asBase?: BaseDocument;
}

export interface BaseGroup {
  readonly label: string;
  readonly choices: readonly BaseChoice[];
}

export type LoadedBase =
  | { readonly state: 'none' }
  | { readonly state: 'loading'; readonly value: string }
  | { readonly state: 'ready'; readonly value: string; readonly document: ResolutionDocument }
  | { readonly state: 'failed'; readonly value: string; readonly error: string };

/** A navigable change, in reading order: headings first, then every paragraph that is not unchanged. */
export interface Stop {
  /** The `data-stop` of the change as drawn. */
  readonly id: string;
  /** "OP5 deleted", "Title". */
  readonly label: string;
}

export interface CompareState {
  /**
   * The chosen base: "" (none yet), "own" (the draft's base), "library:<ref>", "corpus:<ref>",
   * "revision:<id>", "draft:<id>" or "file:<file>:<document>".
   */
  readonly value: string;
  /** The bases on offer, grouped as the select shows them. */
  readonly groups: readonly BaseGroup[];
  /** The chosen base's entry in `groups`, while it is on offer. */
  readonly choice: BaseChoice | undefined;
  readonly loaded: LoadedBase;
  /** The files chosen in this view, in the order chosen. */
  readonly files: readonly FileBase[];
  /** Why the file chosen last could not be read. */
  readonly fileError: string | null;
  readonly mode: CompareMode;
  readonly options: Readonly<Required<CompareOptions>>;
  /** The comparison with the base as read; null while there is none. */
  readonly result: CompareResult | null;
  readonly stops: readonly Stop[];
  /** The change in focus, an index into `stops`; -1 before the first. */
  readonly at: number;
  /** The base recorded by "Use as base" in this view (the draft of the sources is a snapshot). */
  readonly recordedBase: BaseDocument | undefined;
  /** The base as the columns name it: the choice's label without its title. */
  readonly baseName: string;
  /** The choice can be the draft's base for tracked changes (a draft or a file cannot). */
  readonly canRecord: boolean;
  /** The choice is the draft's base for tracked changes. */
  readonly isRecorded: boolean;
  /** There is a result with changes to step through. */
  readonly navigable: boolean;
}

export interface CompareStore {
  getState(): CompareState;
  subscribe(listener: () => void): () => void;
  /** The workspace's news: a revision saved, the drafts list read again, another draft or library base. */
  setSources(sources: CompareSources): void;
  /** Compares with another base (a `value` of `groups`); a file's error is cleared. */
  choose(value: string): void;
  /** Reads a file and compares with its first document; a file that cannot be read is `fileError`. */
  addFile(file: File): Promise<void>;
  setMode(mode: CompareMode): void;
  setOption(name: CompareSwitch, on: boolean): void;
  /** Moves to the next change, staying on the last, and returns it to be shown; undefined if there is none. */
  next(): Stop | undefined;
  /** Moves to the previous change, staying on the first (from before the first, to the first). */
  previous(): Stop | undefined;
  /** A change took the focus (Tab, a click): it becomes the change in focus. */
  focusStop(id: string): void;
  /** Records the chosen base as the draft's and returns it for the workspace to keep; undefined if it cannot be one. */
  recordBase(): BaseDocument | undefined;
}

/** The headings compared apart from the paragraphs, in reading order, with their labels. */
export const HEADINGS = [
  ['title', 'Title'],
  ['annexTitle', 'Annex title'],
  ['annexIntro', 'Annex introduction'],
] as const;

export type HeadingKey = (typeof HEADINGS)[number][0];

/** The `data-stop` of a changed heading and of a changed paragraph (its index in `result.changes`). */
export const headingStopId = (key: HeadingKey): string => `h-${key}`;
export const changeStopId = (index: number): string => `c-${index}`;

/** The label a change goes by: the draft's, or the base's for a paragraph the draft no longer has. */
export function changeLabel(c: ParagraphChange): string {
  return (c.type === 'deleted' ? c.baseLabel : c.draftLabel) ?? c.baseLabel ?? '';
}

function stopsOf(result: CompareResult | null): Stop[] {
  if (result === null) return [];
  const stops: Stop[] = [];
  for (const [key, label] of HEADINGS) if (result[key]) stops.push({ id: headingStopId(key), label });
  result.changes.forEach((c, i) => {
    if (c.type !== 'unchanged') stops.push({ id: changeStopId(i), label: `${changeLabel(c)} ${c.type}` });
  });
  return stops;
}

/** "resolution 6/3" → "Resolution 6/3". */
function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function documentRef(d: ResolutionDocument): string {
  return `${d.kind} ${d.number ?? ''}`.trim();
}

function fileChoiceLabel(file: FileBase, d: ResolutionDocument): string {
  if (file.documents.length === 1) return file.name;
  return `${file.name}: ${d.number ? documentRef(d) : d.title || d.kind}`;
}

function sameBase(a: BaseDocument | undefined, b: BaseDocument | undefined): boolean {
  return a !== undefined && b !== undefined && a.source === b.source && a.ref === b.ref;
}

/** The draft's own base, and whether it can be compared with. */
interface OwnBase {
  readonly base: BaseDocument | undefined;
  /** Read from storage: a revision, or a file, whose text as read is kept as the revision named after it (Workspace importDocuments). */
  readonly stored: boolean;
  readonly revision: RevisionSummary | undefined;
  readonly available: boolean;
}

function ownBaseOf(sources: CompareSources, corpus: CompareCorpus): OwnBase {
  const base = sources.draft.metadata.base;
  const stored = base?.source === 'revision' || base?.source === 'file';
  const revision =
    stored && base
      ? sources.revisions.find((r) => !r.damaged && (r.name === base.ref || r.id === base.ref))
      : undefined;
  const available =
    base !== undefined &&
    ((base.source === 'corpus' && corpus.byRef(base.ref) !== undefined) || revision !== undefined);
  return { base, stored, revision, available };
}

function groupsOf(
  corpus: CompareCorpus,
  ownAvailable: boolean,
  ownBase: BaseDocument | undefined,
  revisions: readonly RevisionSummary[],
  drafts: readonly DraftSummary[],
  draftId: string,
  files: readonly FileBase[],
  libraryBase: LibraryBase | undefined,
): BaseGroup[] {
  const out: BaseGroup[] = [];
  if (ownAvailable && ownBase)
    out.push({
      label: 'This draft’s base',
      choices: [{ value: 'own', label: `${capitalized(ownBase.ref)} (this draft’s base)`, asBase: ownBase }],
    });
  if (libraryBase)
    out.push({
      label: 'Library',
      choices: [{ value: `library:${libraryBase.ref}`, label: libraryBase.label }],
    });
  out.push({
    label: 'Corpus (CTOC/COP/2012/15)',
    choices: corpus.documents.map((d) => {
      const ref = documentRef(d);
      return {
        value: `corpus:${ref}`,
        label: `${capitalized(ref)}: ${d.title}`,
        asBase: { source: 'corpus', ref },
      };
    }),
  });
  const saved = revisions.flatMap((r) => (r.damaged ? [] : [r]));
  if (saved.length)
    out.push({
      label: 'Revisions',
      choices: [...saved].reverse().map((r) => ({
        value: `revision:${r.id}`,
        label: `${r.name} (${new Date(r.createdAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })})`,
        asBase: { source: 'revision', ref: r.name },
      })),
    });
  const others = drafts.flatMap((d) => (d.damaged || d.id === draftId ? [] : [d]));
  if (others.length)
    out.push({
      label: 'Other drafts',
      choices: others.map((d) => ({ value: `draft:${d.id}`, label: d.name })),
    });
  if (files.length)
    out.push({
      label: 'Files',
      choices: files.flatMap((f, i) =>
        f.documents.map((d, j) => ({ value: `file:${i}:${j}`, label: fileChoiceLabel(f, d) })),
      ),
    });
  return out;
}

/** Where the chosen base comes from: "revision:7" → kind "revision", key "7". */
interface Target {
  readonly kind: string;
  readonly key: string;
  /** Revisions and drafts, and the draft's own base where it is a revision or a file. */
  readonly fromStorage: boolean;
  /** The record to read; undefined where the draft's base revision is gone. */
  readonly storedId: string | undefined;
}

function targetOf(value: string, ownStored: boolean, ownRevisionId: string | undefined): Target {
  const [kind = '', ...rest] = value.split(':');
  const key = rest.join(':');
  const storedId =
    value === 'own' && ownStored ? ownRevisionId : kind === 'revision' || kind === 'draft' ? key : undefined;
  const fromStorage = value === 'own' ? ownStored : kind === 'revision' || kind === 'draft';
  return { kind, key, fromStorage, storedId };
}

type StoredBase = Exclude<LoadedBase, { state: 'none' }>;

function loadedOf(
  corpus: CompareCorpus,
  value: string,
  target: Target,
  stored: StoredBase | null,
  ownBase: BaseDocument | undefined,
  files: readonly FileBase[],
  libraryBase: LibraryBase | undefined,
): LoadedBase {
  if (value === '') return { state: 'none' };
  if (target.fromStorage) {
    if (target.storedId === undefined)
      return { state: 'failed', value, error: 'The draft’s base revision cannot be found.' };
    return stored?.value === value ? stored : { state: 'loading', value };
  }
  const { kind, key } = target;
  let document: ResolutionDocument | undefined;
  if (value === 'own') document = ownBase ? corpus.byRef(ownBase.ref) : undefined;
  else if (kind === 'corpus') document = corpus.byRef(key);
  else if (kind === 'library' && libraryBase?.ref === key) document = libraryBase.document;
  else if (kind === 'file') {
    const [i = -1, j = -1] = key.split(':').map(Number);
    document = files[i]?.documents[j];
  }
  return document
    ? { state: 'ready', value, document }
    : { state: 'failed', value, error: 'That base cannot be found.' };
}

/**
 * `compute` again only when an argument is another value than last time: what React's `useMemo` did
 * in the view, so a result and the objects drawn from it keep their identity while nothing they come
 * from changed (the change in focus belongs to one result).
 */
function memo<A extends readonly unknown[], R>(compute: (...args: A) => R): (...args: A) => R {
  let last: { readonly args: A; readonly value: R } | undefined;
  return (...args) => {
    if (last?.args.every((a, i) => Object.is(a, args[i]))) return last.value;
    const value = compute(...args);
    last = { args, value };
    return value;
  };
}

/** What the actions change; everything else in the state follows from it. */
interface Core {
  readonly sources: CompareSources;
  readonly value: string;
  readonly files: readonly FileBase[];
  readonly fileError: string | null;
  readonly mode: CompareMode;
  readonly options: Readonly<Required<CompareOptions>>;
  readonly recordedBase: BaseDocument | undefined;
  /** The last answer from storage, for the choice it was read for. */
  readonly stored: StoredBase | null;
  /** The change in focus, for the result it was chosen in. */
  readonly position: { readonly result: CompareResult | null; readonly index: number };
}

/** What a read from storage depends on: another value of any of these reads again. */
interface Load {
  readonly value: string;
  readonly target: Target;
  readonly loadRevision: CompareSources['loadRevision'];
  readonly loadDraft: CompareSources['loadDraft'];
}

const sameLoad = (a: Load, b: Load): boolean =>
  a.value === b.value &&
  a.target.fromStorage === b.target.fromStorage &&
  a.target.storedId === b.target.storedId &&
  a.loadRevision === b.loadRevision &&
  a.loadDraft === b.loadDraft;

function sameState(a: CompareState, b: CompareState): boolean {
  return (Object.keys(a) as (keyof CompareState)[]).every((k) => Object.is(a[k], b[k]));
}

/**
 * The compare view's store over `sources`. It opens on the library document when one is offered, else
 * on the draft's own base when that can still be found, else on no base.
 */
export function createCompareStore(sources: CompareSources, corpus: CompareCorpus): CompareStore {
  const own = ownBaseOf(sources, corpus);
  let core: Core = {
    sources,
    value: sources.libraryBase ? `library:${sources.libraryBase.ref}` : own.available ? 'own' : '',
    files: [],
    fileError: null,
    mode: 'redline',
    options: { ignorePunctuation: false, ignoreFootnotes: false, showTypography: false },
    recordedBase: sources.draft.metadata.base,
    stored: null,
    position: { result: null, index: -1 },
  };
  const listeners = new Set<() => void>();

  const groups = memo(groupsOf);
  const target = memo(targetOf);
  const loaded = memo(loadedOf);
  const compared = memo(
    (base: ResolutionDocument | null, draft: ResolutionDocument, options: CompareOptions) =>
      base ? compareDocuments(base, draft, options) : null,
  );
  const stops = memo(stopsOf);

  const derive = (c: Core): CompareState => {
    const { sources: s } = c;
    const ownBase = ownBaseOf(s, corpus);
    const offered = groups(
      corpus,
      ownBase.available,
      ownBase.base,
      s.revisions,
      s.drafts,
      s.draftId,
      c.files,
      s.libraryBase,
    );
    const choice = offered.flatMap((g) => g.choices).find((x) => x.value === c.value);
    const base = loaded(
      corpus,
      c.value,
      target(c.value, ownBase.stored, ownBase.revision?.id),
      c.stored,
      ownBase.base,
      c.files,
      s.libraryBase,
    );
    const result = compared(base.state === 'ready' ? base.document : null, s.draft, c.options);
    const changes = stops(result);
    return {
      value: c.value,
      groups: offered,
      choice,
      loaded: base,
      files: c.files,
      fileError: c.fileError,
      mode: c.mode,
      options: c.options,
      result,
      stops: changes,
      at: c.position.result === result ? c.position.index : -1,
      recordedBase: c.recordedBase,
      baseName: choice?.label.replace(/: .*$/, '') ?? '',
      canRecord: choice?.asBase !== undefined,
      isRecorded: sameBase(choice?.asBase, c.recordedBase),
      navigable: result !== null && changes.length > 0,
    };
  };

  let state = derive(core);

  // The read from storage for the choice standing; a newer choice (or new sources) makes it stale.
  let load: Load | undefined;
  let generation = 0;
  const read = (): void => {
    const { sources: s, value } = core;
    const ownBase = ownBaseOf(s, corpus);
    const next: Load = {
      value,
      target: target(value, ownBase.stored, ownBase.revision?.id),
      loadRevision: s.loadRevision,
      loadDraft: s.loadDraft,
    };
    if (load && sameLoad(load, next)) return;
    load = next;
    const run = ++generation;
    const { kind, fromStorage, storedId } = next.target;
    if (!fromStorage || storedId === undefined) return;
    const readBase = kind === 'draft' ? next.loadDraft : next.loadRevision;
    void readBase(storedId).then(
      (document) => {
        if (run !== generation) return;
        update({
          stored: document
            ? { state: 'ready', value, document }
            : {
                state: 'failed',
                value,
                error: `That ${kind === 'draft' ? 'draft' : 'revision'} cannot be read (it is damaged or gone).`,
              },
        });
      },
      (e: unknown) => {
        if (run === generation)
          update({ stored: { state: 'failed', value, error: `The base could not be read: ${String(e)}` } });
      },
    );
  };

  function update(patch: Partial<Core>): void {
    core = { ...core, ...patch };
    read();
    const next = derive(core);
    if (sameState(state, next)) return;
    state = next;
    for (const listener of [...listeners]) listener();
  }

  /** Moves to the change at `index`, if there is one there. */
  const go = (index: number): Stop | undefined => {
    const stop = state.stops[index];
    if (stop) update({ position: { result: state.result, index } });
    return stop;
  };

  read();

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setSources: (next) => update({ sources: next }),
    choose: (value) => update({ fileError: null, value }),
    async addFile(file) {
      update({ fileError: null });
      const opened = await readBaseFile(file);
      if (!opened.ok) {
        update({ fileError: opened.error });
        return;
      }
      // The files as they are now: another may have been read while this one was.
      const index = core.files.length;
      update({ files: [...core.files, opened.base], value: `file:${index}:0` });
    },
    setMode: (mode) => update({ mode }),
    setOption(name, on) {
      if (core.options[name] !== on) update({ options: { ...core.options, [name]: on } });
    },
    next: () => go(Math.min(state.at + 1, state.stops.length - 1)),
    previous: () => go(Math.max(state.at - 1, 0)),
    focusStop(id) {
      update({ position: { result: state.result, index: state.stops.findIndex((s) => s.id === id) } });
    },
    recordBase() {
      const base = state.choice?.asBase;
      if (base) update({ recordedBase: base });
      return base;
    },
  };
}
