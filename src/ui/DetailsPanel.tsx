/** The draft's metadata as a form: symbol, session, date, agenda item, sponsors, base, footnote rule. */
import { useId } from 'react';
import type { FootnoteRule, Metadata, ResolutionDocument } from '../core/model/types.ts';

export interface DetailsPanelProps {
  readonly document: ResolutionDocument;
  readonly readOnly: boolean;
  readonly onChange: (metadata: Metadata) => void;
}

function Field({
  label,
  value,
  onChange,
  readOnly,
  placeholder,
  hint,
}: {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly readOnly: boolean;
  readonly placeholder?: string;
  readonly hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={value}
        readOnly={readOnly}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
        aria-describedby={hint ? `${id}-hint` : undefined}
      />
      {hint ? (
        <small id={`${id}-hint`} className="field__hint">
          {hint}
        </small>
      ) : null}
    </div>
  );
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
        hint="Year-month-day; printed as 6 October 2014."
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
