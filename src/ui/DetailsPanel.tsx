/**
 * The draft's metadata as a form: symbol, session, date, agenda item, sponsors, base, footnote rule.
 *
 * A field holds only what the store takes (issue 11): a value over the store's limits is refused
 * where it is typed, with a message under the field, and a date reaches the draft only once it is one
 * (while "2014-1" is being typed the draft keeps the last whole date, or none).
 */
import { useId, useState } from 'react';
import {
  SCHEMA_VERSION,
  type FootnoteRule,
  type Metadata,
  type ResolutionDocument,
} from '../core/model/types.ts';
import { LIMITS, validateDocument } from '../core/model/validate.ts';
import { printedFromIsoDate } from '../core/references/dates.ts';

export interface DetailsPanelProps {
  readonly document: ResolutionDocument;
  readonly readOnly: boolean;
  readonly onChange: (metadata: Metadata) => void;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Why the store would not take `value` in a one-line field, or null. */
function tooLong(value: string): string | null {
  return value.length > LIMITS.fieldChars
    ? `Not taken: ${count(value.length)} characters, and this field holds at most ${count(LIMITS.fieldChars)}.`
    : null;
}

function Field({
  label,
  value,
  onChange,
  readOnly,
  placeholder,
  hint,
  refuse = tooLong,
  pending,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly readOnly: boolean;
  readonly placeholder?: string;
  readonly hint?: string;
  /** Why a typed value is not passed on (the store would refuse it), or null to pass it on. */
  readonly refuse?: (value: string) => string | null;
  /** Whether a typed value is kept in the field without reaching the draft yet (a date being typed). */
  readonly pending?: (value: string) => string | null;
}) {
  const id = useId();
  // What is typed, which may be ahead of the draft (a partial date) or refused (too long).
  const [typed, setTyped] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  // The draft's value changed from elsewhere (another draft opened, a revision restored): shown as is.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setTyped(value);
    setProblem(null);
  }
  const note = problem ?? hint;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={typed}
        readOnly={readOnly}
        placeholder={placeholder}
        aria-invalid={problem !== null ? 'true' : undefined}
        onChange={(e) => {
          const next = e.target.value;
          const refused = refuse(next);
          if (refused !== null) {
            setProblem(refused);
            return;
          }
          setTyped(next);
          const waiting = pending?.(next) ?? null;
          setProblem(waiting);
          if (waiting === null) onChange(next);
        }}
        aria-describedby={note ? `${id}-hint` : undefined}
      />
      {note ? (
        <small id={`${id}-hint`} className="field__hint" role={problem !== null ? 'alert' : undefined}>
          {note}
        </small>
      ) : null}
    </div>
  );
}

/** How the date is written, and how the page prints it: the draft's own, or an example. */
function dateHint(date: string | undefined): string {
  const printed = date === undefined ? undefined : printedFromIsoDate(date);
  return printed === undefined
    ? 'Year-month-day: 2014-10-06 is printed as 6 October 2014.'
    : `Year-month-day; printed as ${printed}.`;
}

/** A date the store takes: year-month-day that exists, or nothing. */
function notYetADate(value: string): string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const probe = validateDocument({ ...PROBE, metadata: { date: trimmed } });
  return probe.ok
    ? null
    : 'Not a date yet: the draft keeps its last date until this is one (year-month-day).';
}

const PROBE = {
  schemaVersion: SCHEMA_VERSION,
  kind: 'resolution',
  organ: '',
  formula: '',
  title: '',
  metadata: {},
  preamble: [],
  operative: [],
  annex: null,
  footnotes: [],
};

function sponsorsProblem(value: string): string | null {
  const names = value.split(';').filter((s) => s.trim() !== '');
  if (names.length > LIMITS.sponsors)
    return `Not taken: ${count(names.length)} sponsors, and a draft lists at most ${count(LIMITS.sponsors)}.`;
  const long = names.find((name) => name.trim().length > LIMITS.fieldChars);
  return long === undefined
    ? null
    : `Not taken: a sponsor’s name is over ${count(LIMITS.fieldChars)} characters.`;
}

/** Drops empty optional fields so the stored model stays tidy. */
function set<K extends keyof Metadata>(meta: Metadata, key: K, value: Metadata[K] | ''): Metadata {
  const next: Record<string, unknown> = { ...meta };
  if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
  else next[key] = value;
  return next as Metadata;
}

export function DetailsPanel({ document: doc, readOnly, onChange }: DetailsPanelProps) {
  const meta = doc.metadata;
  const ruleId = useId();
  return (
    <form className="details" aria-label="Draft details" onSubmit={(e) => e.preventDefault()}>
      <Field
        label="Symbol"
        value={meta.symbol ?? ''}
        readOnly={readOnly}
        placeholder="CTOC/COP/2014/L.3"
        hint="An L symbol shows the masthead; /Rev.1 makes it a revised draft."
        onChange={(v) => onChange(set(meta, 'symbol', v.trim()))}
      />
      <Field
        label="Date"
        value={meta.date ?? ''}
        readOnly={readOnly}
        placeholder="2014-10-06"
        hint={dateHint(meta.date)}
        pending={notYetADate}
        onChange={(v) => onChange(set(meta, 'date', v.trim()))}
      />
      <Field
        label="Session"
        value={meta.session ?? ''}
        readOnly={readOnly}
        placeholder="Seventh session, Vienna, 6-10 October 2014"
        onChange={(v) => onChange(set(meta, 'session', v))}
      />
      <Field
        label="Agenda item"
        value={meta.agendaItem ?? ''}
        readOnly={readOnly}
        placeholder="2 (c)"
        onChange={(v) => onChange(set(meta, 'agendaItem', v))}
      />
      <Field
        label="Agenda item title"
        value={meta.agendaItemTitle ?? ''}
        readOnly={readOnly}
        onChange={(v) => onChange(set(meta, 'agendaItemTitle', v))}
      />
      <Field
        label="Sponsors"
        value={(meta.sponsors ?? []).join('; ')}
        readOnly={readOnly}
        placeholder="Mexico; Peru"
        hint="Separated by semicolons; the sponsors line is written from them."
        refuse={sponsorsProblem}
        onChange={(v) =>
          onChange(
            set(
              meta,
              'sponsors',
              v
                .split(';')
                .map((s) => s.trim())
                .filter((s) => s !== ''),
            ),
          )
        }
      />
      <div className="field">
        <label htmlFor={ruleId}>Footnote rule</label>
        <select
          id={ruleId}
          value={meta.footnoteRule ?? 'current'}
          disabled={readOnly}
          onChange={(e) => onChange(set(meta, 'footnoteRule', e.target.value as FootnoteRule))}
        >
          <option value="current">Current Editorial Manual: a source is footnoted once</option>
          <option value="2012">2012 practice: re-cite at the first operative mention</option>
        </select>
      </div>
      <div className="field">
        <span className="field__label">Base</span>
        <span className="field__value">
          {meta.base ? `${meta.base.ref} (${meta.base.source})` : 'none — a new text'}
        </span>
      </div>
    </form>
  );
}
