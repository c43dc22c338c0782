/**
 * Compare the draft with a base: a corpus document, its own base, a revision, another draft or a file
 * (issue 4). The comparison is `compareDocuments` (core/compare), recomputed when the base or a switch
 * changes; this view only chooses the base and draws the result, as an inline redline or as two
 * aligned columns, with a summary and next / previous change. Paragraphs that differ only in typography
 * (non-breaking hyphens, curly quotes …; issue 12, item 6) are counted on a line of the summary and
 * shown as changes only when "Show typography changes" is on.
 *
 * Keyboard: n / p (or Alt+Down / Alt+Up) move to the next / previous change and focus it; every change
 * is also a stop of the Tab order; Escape closes the view.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { compareDocuments } from '../core/compare/compare.ts';
import type {
  CompareResult,
  ComparePart,
  FootnoteChange,
  HeadingChange,
  OpenerShift,
  ParagraphChange,
  WordChange,
} from '../core/compare/types.ts';
import { parseDocumentFile } from '../core/model/file.ts';
import type { BaseDocument, ResolutionDocument } from '../core/model/types.ts';
import { recognize } from '../core/parse/recognize.ts';
import type { DraftSummary, RevisionSummary } from '../storage/drafts.ts';
import { corpus, corpusDocumentByRef } from './corpusData.ts';
import { readFileText } from './files.ts';
import './styles/compare.css';

export interface CompareViewProps {
  /** The draft's latest text (the autosave has been flushed). */
  readonly draft: ResolutionDocument;
  readonly draftName: string;
  readonly draftId: string;
  readonly revisions: readonly RevisionSummary[];
  readonly drafts: readonly DraftSummary[];
  readonly loadRevision: (id: string) => Promise<ResolutionDocument | undefined>;
  readonly loadDraft: (id: string) => Promise<ResolutionDocument | undefined>;
  /** Makes the chosen base the draft's base (for tracked changes in the Word export). */
  readonly onSetBase: (base: BaseDocument) => void;
  readonly onClose: () => void;
  /** A document of the library to compare with, chosen first (the resolution the draft follows). */
  readonly libraryBase?: LibraryBase;
}

/** A library document offered as a base: compared with, not recorded as the draft's base. */
export interface LibraryBase {
  /** "A/RES/79/136". */
  readonly ref: string;
  readonly label: string;
  readonly document: ResolutionDocument;
}

type Mode = 'redline' | 'side';

/** A document read from a file chosen in the view. */
interface FileBase {
  readonly name: string;
  readonly documents: readonly ResolutionDocument[];
}

interface BaseChoice {
  readonly value: string;
  readonly label: string;
  /** What "Use as base for tracked changes" records; absent where the base cannot be one (a draft, a file). */
  readonly asBase?: BaseDocument;
}

interface BaseGroup {
  readonly label: string;
  readonly choices: readonly BaseChoice[];
}

type Loaded =
  | { readonly state: 'none' }
  | { readonly state: 'loading'; readonly value: string }
  | { readonly state: 'ready'; readonly value: string; readonly document: ResolutionDocument }
  | { readonly state: 'failed'; readonly value: string; readonly error: string };

const PART_NAMES: Record<ComparePart, string> = {
  preamble: 'Preamble',
  operative: 'Operative part',
  annex: 'Annex',
};

const SHIFT_NAMES: Record<OpenerShift, string> = {
  softening: 'softening',
  strengthening: 'strengthening',
  equivalent: 'other verb, same strength',
  sequence: 'also / further',
  unranked: 'opener changed',
};

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

/** Reads a chosen file into documents: a .resolution.json file, or a resolution in plain text. */
async function readBaseFile(
  file: File,
): Promise<{ ok: true; base: FileBase } | { ok: false; error: string }> {
  const read = await readFileText(file);
  if (!read.ok) return read;
  const name = file.name;
  const looksJson = /\.json$/i.test(name) || /^\uFEFF?\s*[{[]/.test(read.text);
  if (looksJson) {
    const parsed = parseDocumentFile(read.text);
    if (!parsed.ok) return { ok: false, error: `${name} is not a resolution file: ${parsed.error}` };
    return { ok: true, base: { name, documents: [parsed.document] } };
  }
  const recognized = recognize(read.text);
  const { diagnostics } = recognized;
  // A text with a heading but no paragraph ("Shopping list") is no resolution to compare with.
  const documents = recognized.documents.filter(
    (d) => d.preamble.length > 0 || d.operative.length > 0 || d.annex !== null,
  );
  if (documents.length === 0) {
    const first = diagnostics.find((d) => d.severity !== 'info');
    return {
      ok: false,
      error: `No resolution or decision was recognized in ${name}${first ? ` (${first.message})` : ''}. A plain-text file should hold a resolution as UN documents print it.`,
    };
  }
  return { ok: true, base: { name, documents } };
}

/** The navigable changes, in reading order: headings first, then every paragraph that is not unchanged. */
interface Stop {
  readonly id: string;
  readonly label: string;
}

const HEADINGS = [
  ['title', 'Title'],
  ['annexTitle', 'Annex title'],
  ['annexIntro', 'Annex introduction'],
] as const;

function changeLabel(c: ParagraphChange): string {
  return (c.type === 'deleted' ? c.baseLabel : c.draftLabel) ?? c.baseLabel ?? '';
}

function stopsOf(result: CompareResult | null): Stop[] {
  if (result === null) return [];
  const stops: Stop[] = [];
  for (const [key, label] of HEADINGS) if (result[key]) stops.push({ id: `h-${key}`, label });
  result.changes.forEach((c, i) => {
    if (c.type !== 'unchanged') stops.push({ id: `c-${i}`, label: `${changeLabel(c)} ${c.type}` });
  });
  return stops;
}

export function CompareView({
  draft,
  draftName,
  draftId,
  revisions,
  drafts,
  loadRevision,
  loadDraft,
  onSetBase,
  onClose,
  libraryBase,
}: CompareViewProps) {
  const headingId = useId();
  const baseSelectId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const [files, setFiles] = useState<readonly FileBase[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('redline');
  const [ignorePunctuation, setIgnorePunctuation] = useState(false);
  const [ignoreFootnotes, setIgnoreFootnotes] = useState(false);
  const [showTypography, setShowTypography] = useState(false);
  /** The base recorded by "Use as base" in this view (the `draft` prop is a snapshot). */
  const [recordedBase, setRecordedBase] = useState<BaseDocument | undefined>(draft.metadata.base);

  const ownBase = draft.metadata.base;
  // A file's text as read is kept as the revision named after the file (Workspace importDocuments).
  const ownStored = ownBase?.source === 'revision' || ownBase?.source === 'file';
  const ownRevision =
    ownStored && ownBase
      ? revisions.find((r) => !r.damaged && (r.name === ownBase.ref || r.id === ownBase.ref))
      : undefined;
  const hasOwnBase =
    ownBase !== undefined &&
    ((ownBase.source === 'corpus' && corpusDocumentByRef(ownBase.ref) !== undefined) ||
      ownRevision !== undefined);

  const groups = useMemo((): BaseGroup[] => {
    const out: BaseGroup[] = [];
    if (hasOwnBase && ownBase)
      out.push({
        label: 'This draft’s base',
        choices: [
          { value: 'own', label: `${capitalized(ownBase.ref)} (this draft’s base)`, asBase: ownBase },
        ],
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
  }, [hasOwnBase, ownBase, revisions, drafts, draftId, files, libraryBase]);

  const choices = useMemo(() => groups.flatMap((g) => g.choices), [groups]);
  const [value, setValue] = useState<string>(() =>
    libraryBase ? `library:${libraryBase.ref}` : hasOwnBase ? 'own' : '',
  );
  const choice = choices.find((c) => c.value === value);

  // The chosen base: corpus documents and files are at hand, revisions and drafts come from storage.
  const [stored, setStored] = useState<Exclude<Loaded, { state: 'none' }> | null>(null);
  const [kind, ...rest] = value.split(':');
  const key = rest.join(':');
  const storedId =
    value === 'own' && ownStored
      ? ownRevision?.id
      : kind === 'revision' || kind === 'draft'
        ? key
        : undefined;
  const fromStorage = value === 'own' ? ownStored : kind === 'revision' || kind === 'draft';
  useEffect(() => {
    if (!fromStorage || storedId === undefined) return;
    let cancelled = false;
    const load = kind === 'draft' ? loadDraft : loadRevision;
    void load(storedId).then(
      (document) => {
        if (cancelled) return;
        setStored(
          document
            ? { state: 'ready', value, document }
            : {
                state: 'failed',
                value,
                error: `That ${kind === 'draft' ? 'draft' : 'revision'} cannot be read (it is damaged or gone).`,
              },
        );
      },
      (e: unknown) => {
        if (!cancelled)
          setStored({ state: 'failed', value, error: `The base could not be read: ${String(e)}` });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [fromStorage, storedId, kind, value, loadDraft, loadRevision]);

  const loaded = useMemo((): Loaded => {
    if (value === '') return { state: 'none' };
    if (fromStorage) {
      if (storedId === undefined)
        return { state: 'failed', value, error: 'The draft’s base revision cannot be found.' };
      return stored?.value === value ? stored : { state: 'loading', value };
    }
    let document: ResolutionDocument | undefined;
    if (value === 'own') document = ownBase ? corpusDocumentByRef(ownBase.ref) : undefined;
    else if (kind === 'corpus') document = corpusDocumentByRef(key);
    else if (kind === 'library' && libraryBase?.ref === key) document = libraryBase.document;
    else if (kind === 'file') {
      const [i = -1, j = -1] = key.split(':').map(Number);
      document = files[i]?.documents[j];
    }
    return document
      ? { state: 'ready', value, document }
      : { state: 'failed', value, error: 'That base cannot be found.' };
  }, [value, fromStorage, storedId, stored, ownBase, kind, key, files, libraryBase]);

  const base = loaded.state === 'ready' ? loaded.document : null;
  const result = useMemo(
    () =>
      base ? compareDocuments(base, draft, { ignorePunctuation, ignoreFootnotes, showTypography }) : null,
    [base, draft, ignorePunctuation, ignoreFootnotes, showTypography],
  );
  const stops = useMemo(() => stopsOf(result), [result]);
  // The change in focus, for the result it was chosen in (a new result starts before the first).
  const [position, setPosition] = useState<{ result: CompareResult | null; index: number }>({
    result: null,
    index: -1,
  });
  const at = position.result === result ? position.index : -1;
  const setAt = (index: number): void => setPosition({ result, index });

  const go = (index: number): void => {
    const stop = stops[index];
    if (!stop) return;
    setAt(index);
    const el = bodyRef.current?.querySelector<HTMLElement>(`[data-stop="${stop.id}"]`);
    if (!el) return;
    el.focus({ preventScroll: true });
    el.scrollIntoView({ block: 'center' });
  };
  const next = (): void => go(Math.min(at + 1, stops.length - 1));
  const previous = (): void => go(Math.max(at - 1, 0));

  // The view takes the focus (keys typed now must not reach the page behind) and gives it back.
  useEffect(() => {
    const before = document.activeElement;
    headingRef.current?.focus();
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    const target = e.target as HTMLElement;
    // A select answers letters and Alt+arrows itself; text fields take letters.
    if (target.tagName === 'SELECT' || target.tagName === 'TEXTAREA') return;
    if (
      target.tagName === 'INPUT' &&
      !['checkbox', 'radio', 'file'].includes((target as HTMLInputElement).type)
    )
      return;
    const plain = !e.altKey && !e.ctrlKey && !e.metaKey;
    const onlyAlt = e.altKey && !e.ctrlKey && !e.metaKey;
    if ((plain && e.key === 'n') || (onlyAlt && e.key === 'ArrowDown')) {
      e.preventDefault();
      next();
    } else if ((plain && e.key === 'p') || (onlyAlt && e.key === 'ArrowUp')) {
      e.preventDefault();
      previous();
    }
  };

  const chooseFile = async (file: File) => {
    setFileError(null);
    const read = await readBaseFile(file);
    if (!read.ok) {
      setFileError(read.error);
      return;
    }
    const index = files.length;
    setFiles([...files, read.base]);
    setValue(`file:${index}:0`);
  };

  const baseName = choice?.label.replace(/: .*$/, '') ?? '';
  const canRecord = choice?.asBase !== undefined;
  const isRecorded = sameBase(choice?.asBase, recordedBase);
  const navigable = result !== null && stops.length > 0;

  return (
    <section className="overlay compare" aria-label="Compare" onKeyDown={onKeyDown}>
      <header className="compare__bar">
        <h2 id={headingId} ref={headingRef} tabIndex={-1} className="compare__title">
          Compare “{draftName}”
        </h2>
        <div className="compare__field">
          <label htmlFor={baseSelectId}>Base</label>
          <select
            id={baseSelectId}
            value={value}
            onChange={(e) => {
              setFileError(null);
              setValue(e.target.value);
            }}
          >
            {value === '' ? <option value="">Choose a base…</option> : null}
            {groups.map((g) => (
              <optgroup key={g.label} label={g.label}>
                {g.choices.map((c) => (
                  <option key={c.value} value={c.value}>
                    {c.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
          <button type="button" className="button" onClick={() => fileInput.current?.click()}>
            A file…
          </button>
          <input
            ref={fileInput}
            type="file"
            accept=".json,.txt,application/json,text/plain"
            hidden
            aria-label="Compare with a .resolution.json or .txt file"
            data-testid="compare-file"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) void chooseFile(file);
            }}
          />
        </div>
        <div className="compare__modes" role="group" aria-label="View">
          <button
            type="button"
            className="button"
            aria-pressed={mode === 'redline'}
            onClick={() => setMode('redline')}
          >
            Redline
          </button>
          <button
            type="button"
            className="button"
            aria-pressed={mode === 'side'}
            onClick={() => setMode('side')}
          >
            Side by side
          </button>
        </div>
        <label className="compare__switch">
          <input
            type="checkbox"
            checked={ignorePunctuation}
            onChange={(e) => setIgnorePunctuation(e.target.checked)}
          />
          Ignore punctuation
        </label>
        <label className="compare__switch">
          <input
            type="checkbox"
            checked={ignoreFootnotes}
            onChange={(e) => setIgnoreFootnotes(e.target.checked)}
          />
          Ignore footnotes
        </label>
        <label className="compare__switch">
          <input
            type="checkbox"
            checked={showTypography}
            onChange={(e) => setShowTypography(e.target.checked)}
          />
          Show typography changes
        </label>
        <button type="button" className="button compare__close" onClick={onClose} title="Close (Escape)">
          Close
        </button>
      </header>

      {result ? (
        <div className="compare__bar compare__bar--second">
          <Summary result={result} showTypography={showTypography} />
          <div className="compare__nav" role="group" aria-label="Changes">
            <button
              type="button"
              className="button"
              onClick={previous}
              disabled={!navigable || at <= 0}
              title="Previous change (p or Alt+Up)"
            >
              Previous change
            </button>
            <button
              type="button"
              className="button"
              onClick={next}
              disabled={!navigable || at >= stops.length - 1}
              title="Next change (n or Alt+Down)"
            >
              Next change
            </button>
            <span className="compare__position" aria-live="polite">
              {stops.length === 0
                ? 'No changes'
                : at < 0
                  ? `${stops.length} change${stops.length === 1 ? '' : 's'}`
                  : `Change ${at + 1} of ${stops.length}: ${stops[at]?.label ?? ''}`}
            </span>
          </div>
          <div className="compare__record">
            {isRecorded ? (
              <span className="compare__recorded">The draft’s base for tracked changes</span>
            ) : (
              <button
                type="button"
                className="button"
                disabled={!canRecord}
                title={
                  canRecord
                    ? 'The Word export will show the changes from this base as tracked changes'
                    : 'Only a resolution or decision of the corpus or a saved revision can be the base'
                }
                onClick={() => {
                  if (!choice?.asBase) return;
                  onSetBase(choice.asBase);
                  setRecordedBase(choice.asBase);
                }}
              >
                Use as base for tracked changes
              </button>
            )}
          </div>
        </div>
      ) : null}

      <div className="compare__body" ref={bodyRef}>
        {fileError ? (
          <p className="compare__message compare__message--error" role="alert">
            {fileError}
          </p>
        ) : null}
        {loaded.state === 'none' ? (
          <p className="compare__message">
            Choose a base: a resolution or decision of the sixth session, a saved revision, another draft, or
            a file.
          </p>
        ) : null}
        {loaded.state === 'loading' ? (
          <p className="compare__message" role="status">
            Reading the base…
          </p>
        ) : null}
        {loaded.state === 'failed' ? (
          <p className="compare__message compare__message--error" role="alert">
            {loaded.error}
          </p>
        ) : null}
        {result ? (
          mode === 'redline' ? (
            <Redline result={result} onFocusStop={(id) => setAt(stops.findIndex((s) => s.id === id))} />
          ) : (
            <SideBySide
              result={result}
              baseName={baseName}
              draftName={draftName}
              onFocusStop={(id) => setAt(stops.findIndex((s) => s.id === id))}
            />
          )
        ) : null}
      </div>
    </section>
  );
}

const SUMMARY_KINDS = [
  ['changed', 'changed'],
  ['moved', 'moved'],
  ['inserted', 'inserted'],
  ['deleted', 'deleted'],
  ['unchanged', 'unchanged'],
  ['softening', 'softening'],
  ['strengthening', 'strengthening'],
  ['footnotes', 'with footnote changes'],
] as const;

/** "3 paragraphs differ only in typography" */
function typographyCount(n: number): string {
  return `${n} paragraph${n === 1 ? '' : 's'} differ${n === 1 ? 's' : ''} only in typography`;
}

function Summary({
  result,
  showTypography,
}: {
  readonly result: CompareResult;
  readonly showTypography: boolean;
}) {
  const headings = HEADINGS.filter(([key]) => result[key]).length;
  const typography = result.summary.typography;
  return (
    <ul className="compare__summary" aria-label="Summary" aria-live="polite">
      {SUMMARY_KINDS.map(([kind, label]) => (
        <li
          key={kind}
          data-kind={kind}
          className={result.summary[kind] === 0 ? 'compare__count compare__count--zero' : 'compare__count'}
        >
          <strong>{result.summary[kind]}</strong> {label}
        </li>
      ))}
      {headings ? (
        <li data-kind="headings" className="compare__count">
          <strong>{headings}</strong> heading{headings === 1 ? '' : 's'} changed
        </li>
      ) : null}
      {typography ? (
        <li
          data-kind="typography"
          className="compare__count"
          title={
            showTypography
              ? 'Shown as changes'
              : 'Not shown as changes: turn on “Show typography changes” to see them'
          }
        >
          {typographyCount(typography)}
          {showTypography ? ' (shown)' : ''}
        </li>
      ) : null}
    </ul>
  );
}

/** A word diff with <ins> and <del>; `side` keeps one document's words only (for the columns). */
export function WordRuns({
  words,
  side = 'both',
  insertLabel = 'inserted:',
  deleteLabel = 'deleted:',
}: {
  readonly words: readonly WordChange[];
  readonly side?: 'both' | 'base' | 'draft';
  readonly insertLabel?: string;
  readonly deleteLabel?: string;
}) {
  return (
    <>
      {words.map((w, i) => {
        if (w.op === 'equal') return <span key={i}>{w.text}</span>;
        if ((w.op === 'insert' && side === 'base') || (w.op === 'delete' && side === 'draft')) return null;
        // Spaces stay outside the marks: "all States", not "all| States|".
        const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(w.text);
        const [, lead = '', core = '', trail = ''] = m ?? [];
        if (core === '') return <span key={i}>{w.text}</span>;
        const Tag = w.op === 'insert' ? 'ins' : 'del';
        return (
          <span key={i}>
            {lead}
            <Tag>
              <span className="visually-hidden">{`${w.op === 'insert' ? insertLabel : deleteLabel} `}</span>
              {core}
            </Tag>
            {trail}
          </span>
        );
      })}
    </>
  );
}

function footnoteText(f: FootnoteChange): string {
  if (f.change === 'added') return `Footnote added: ${f.draft?.source ?? ''}`;
  if (f.change === 'removed') return `Footnote removed: ${f.base?.source ?? ''}`;
  return `Footnote source changed: ${f.base?.source ?? ''} → ${f.draft?.source ?? ''}`;
}

/** The notes beside a change: what kind, moved from where, the opener's shift, splits and merges. */
function Tags({ change: c }: { readonly change: ParagraphChange }) {
  const tags: { key: string; text: string; title?: string; tone: string }[] = [];
  if (c.type === 'moved')
    tags.push({ key: 'moved', text: `moved from ${c.baseLabel ?? '?'}`, tone: 'moved' });
  else if (c.type !== 'unchanged') tags.push({ key: 'type', text: c.type, tone: c.type });
  if (c.opener)
    tags.push({
      key: 'opener',
      text: SHIFT_NAMES[c.opener.shift],
      title: `${c.opener.base || '(no opener)'} → ${c.opener.draft || '(no opener)'}`,
      tone: c.opener.shift,
    });
  if (c.split) tags.push({ key: 'split', text: `split into ${c.split.labels.join(', ')}`, tone: 'changed' });
  if (c.merge) tags.push({ key: 'merge', text: `merges ${c.merge.labels.join(', ')}`, tone: 'changed' });
  if (c.footnotes?.length) tags.push({ key: 'fn', text: 'footnotes', tone: 'footnotes' });
  if (c.typography && c.type !== 'unchanged')
    tags.push({ key: 'typography', text: 'typography only', tone: 'typography' });
  if (!tags.length) return null;
  return (
    <span className="compare__tags">
      {tags.map((t) => (
        <span key={t.key} className={`compare__tag compare__tag--${t.tone}`} title={t.title}>
          {t.text}
        </span>
      ))}
    </span>
  );
}

function FootnoteChanges({ change }: { readonly change: ParagraphChange }) {
  if (!change.footnotes?.length) return null;
  return (
    <ul className="compare__footnotes" aria-label={`Footnote changes in ${changeLabel(change)}`}>
      {change.footnotes.map((f, i) => (
        <li key={i} data-change={f.change}>
          {footnoteText(f)}
        </li>
      ))}
    </ul>
  );
}

function HeadingRow({
  name,
  label,
  change,
}: {
  readonly name: string;
  readonly label: string;
  readonly change: HeadingChange;
}) {
  return (
    <div
      className="compare__change compare__change--changed"
      data-stop={`h-${name}`}
      tabIndex={0}
      data-type="changed"
    >
      <span className="compare__label">{label}</span>
      <p className="compare__text">
        <WordRuns words={change.words} />
      </p>
    </div>
  );
}

function groupByPart(
  changes: readonly ParagraphChange[],
): [ComparePart, { change: ParagraphChange; index: number }[]][] {
  const out = new Map<ComparePart, { change: ParagraphChange; index: number }[]>();
  changes.forEach((change, index) => {
    const list = out.get(change.part) ?? [];
    list.push({ change, index });
    out.set(change.part, list);
  });
  return [...out];
}

function Redline({
  result,
  onFocusStop,
}: {
  readonly result: CompareResult;
  readonly onFocusStop: (id: string) => void;
}) {
  const noDifference = stopsOf(result).length === 0;
  return (
    <div
      className="compare__sheet"
      onFocus={(e) => {
        const id = (e.target as HTMLElement).dataset.stop;
        if (id) onFocusStop(id);
      }}
    >
      {noDifference ? (
        <p className="compare__message" role="status">
          {result.summary.typography
            ? `No difference but typography: ${typographyCount(result.summary.typography)}.`
            : 'No difference.'}
        </p>
      ) : null}
      {HEADINGS.map(([key, label]) => {
        const h = result[key];
        return h ? <HeadingRow key={key} name={key} label={label} change={h} /> : null;
      })}
      {groupByPart(result.changes).map(([part, list]) => (
        <section key={part} className="compare__part" aria-label={PART_NAMES[part]}>
          <h3 className="compare__part-title">{PART_NAMES[part]}</h3>
          <ol className="compare__list">
            {list.map(({ change: c, index }) => {
              const changed = c.type !== 'unchanged';
              return (
                <li
                  key={index}
                  className={`compare__change compare__change--${c.type}`}
                  data-type={c.type}
                  data-level={c.level}
                  data-stop={changed ? `c-${index}` : undefined}
                  tabIndex={changed ? 0 : undefined}
                >
                  <span className="compare__label">{changeLabel(c)}</span>
                  <Tags change={c} />
                  <p className="compare__text">
                    {changed ? <WordRuns words={c.words} /> : (c.draftText ?? '')}
                  </p>
                  <FootnoteChanges change={c} />
                </li>
              );
            })}
          </ol>
        </section>
      ))}
    </div>
  );
}

function SideBySide({
  result,
  baseName,
  draftName,
  onFocusStop,
}: {
  readonly result: CompareResult;
  readonly baseName: string;
  readonly draftName: string;
  readonly onFocusStop: (id: string) => void;
}) {
  return (
    <table
      className="compare__table"
      onFocus={(e) => {
        const id = (e.target as HTMLElement).dataset.stop;
        if (id) onFocusStop(id);
      }}
    >
      <thead>
        <tr>
          <th scope="col">Base: {baseName}</th>
          <th scope="col">Draft: {draftName}</th>
        </tr>
      </thead>
      <tbody>
        {HEADINGS.map(([key, label]) => {
          const h = result[key];
          return h ? (
            <tr
              key={key}
              className="compare__row compare__row--changed"
              data-type="changed"
              data-stop={`h-${key}`}
              tabIndex={0}
            >
              <td>
                <span className="compare__label">{label}</span>
                <WordRuns words={h.words} side="base" />
              </td>
              <td>
                <span className="compare__label">{label}</span>
                <WordRuns words={h.words} side="draft" />
              </td>
            </tr>
          ) : null;
        })}
        {result.changes.map((c, index) => {
          const changed = c.type !== 'unchanged';
          return (
            <tr
              key={index}
              className={`compare__row compare__row--${c.type}`}
              data-type={c.type}
              data-level={c.level}
              data-stop={changed ? `c-${index}` : undefined}
              tabIndex={changed ? 0 : undefined}
            >
              <td className="compare__cell compare__cell--base">
                {c.baseText !== null ? (
                  <>
                    <span className="compare__label">{c.baseLabel}</span>
                    {changed ? <WordRuns words={c.words} side="base" /> : c.baseText}
                  </>
                ) : null}
              </td>
              <td className="compare__cell compare__cell--draft">
                {c.draftText !== null ? (
                  <>
                    <span className="compare__label">{c.draftLabel}</span>
                    <Tags change={c} />
                    {changed ? <WordRuns words={c.words} side="draft" /> : c.draftText}
                    <FootnoteChanges change={c} />
                  </>
                ) : (
                  <Tags change={c} />
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
