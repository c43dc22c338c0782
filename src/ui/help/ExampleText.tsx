/** An example of the Help set as the page prints it: openers in italics, numbers, footnotes below. */
import type { ExampleView } from '../../core/rules/help.ts';

export function ExampleText({ view }: { readonly view: ExampleView }) {
  return (
    <div className="help-example__text">
      {view.lines.map((line, i) => (
        <p key={i} className={`help-example__line help-example__line--${line.kind}`}>
          {line.label !== undefined ? <span className="help-example__label">{line.label}</span> : null}
          {line.opener !== undefined ? <em>{line.opener}</em> : null}
          {line.opener !== undefined && line.parts.length > 0 ? ' ' : null}
          {line.kind === 'title' && line.parts.length === 0 ? (
            <span className="help-example__missing">(no title)</span>
          ) : null}
          {line.parts.map((part, j) =>
            'note' in part ? <sup key={j}>{part.note}</sup> : <span key={j}>{part.text}</span>,
          )}
        </p>
      ))}
      {view.footnotes.length > 0 ? (
        <ol className="help-example__notes" aria-label="Footnotes">
          {view.footnotes.map((note) => (
            <li key={note.number}>
              <sup>{note.number}</sup>
              {note.content.map((run, j) =>
                run.type === 'text' ? (
                  run.italic ? (
                    <em key={j}>{run.text}</em>
                  ) : (
                    <span key={j}>{run.text}</span>
                  )
                ) : null,
              )}
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}
