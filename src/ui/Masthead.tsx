/**
 * The first-page masthead of an L document (UN practice: how drafts travel and the printed page): "United Nations"
 * and the symbol over a rule, the distribution block, the session, the agenda item and the sponsors
 * line. Shown above the text when the draft has a symbol; edited in the Details panel.
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import { sponsorsLine } from '../core/drafts/masthead.ts';
import { printedFromIsoDate } from '../core/references/dates.ts';

export function Masthead({ document: doc }: { readonly document: ResolutionDocument }) {
  const meta = doc.metadata;
  if (!meta.symbol) return null;
  const sponsors = sponsorsLine(doc);
  return (
    <section className="masthead" aria-label="Masthead">
      <div className="masthead__top">
        <span className="masthead__un">United Nations</span>
        <span className="masthead__symbol">{meta.symbol}</span>
      </div>
      <div className="masthead__organ-row">
        <span className="masthead__organ">{doc.organ}</span>
        <span className="masthead__distr">
          <span>Distr.: {meta.distribution === 'general' ? 'General' : 'Limited'}</span>
          <span>{meta.date ? (printedFromIsoDate(meta.date) ?? meta.date) : ''}</span>
          <span>Original: {meta.originalLanguage ?? 'English'}</span>
        </span>
      </div>
      {meta.session ? <p className="masthead__session">{meta.session}</p> : null}
      {meta.agendaItem ? (
        <p className="masthead__agenda">
          Agenda item {meta.agendaItem}
          {meta.agendaItemTitle ? (
            <strong className="masthead__agenda-title">{meta.agendaItemTitle}</strong>
          ) : null}
        </p>
      ) : null}
      {sponsors ? <p className="masthead__sponsors">{sponsors}</p> : null}
    </section>
  );
}
