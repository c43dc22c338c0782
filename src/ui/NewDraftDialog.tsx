/**
 * Starting a draft: from a template, from the text of a past resolution or decision, as its follow-up,
 * or from text the user copied (from a PDF, a web page, an e-mail).
 */
import { useState } from 'react';
import type { ResolutionDocument } from '../core/model/types.ts';
import { draftFromCorpus, draftFromTemplate, followUpDraft } from '../core/drafts/start.ts';
import { references } from './references.ts';
import { corpus } from './corpusData.ts';
import { templateErrors, templates } from './templates.ts';
import { Dialog } from './Dialog.tsx';
import { UpdateStartPicker } from './library/UpdateStartPicker.tsx';

export interface NewDraftDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onCreate: (document: ResolutionDocument, name: string) => void;
  /** Reads copied text into drafts; absent, the dialog does not offer it. */
  readonly onImportText?: (text: string) => void;
  /** Starts this session's draft from a library resolution (its id); absent, not offered. */
  readonly onStartFromLibrary?: (id: string) => void;
}

export function NewDraftDialog({
  open,
  onClose,
  onCreate,
  onImportText,
  onStartFromLibrary,
}: NewDraftDialogProps) {
  const [text, setText] = useState('');
  return (
    <Dialog title="New draft" open={open} onClose={onClose} wide>
      <section aria-labelledby="new-from-template">
        <h3 id="new-from-template" className="dialog__section">
          From a template
        </h3>
        <ul className="choices">
          {templates.map((t) => (
            <li key={t.id}>
              <button
                type="button"
                className="choice"
                data-template={t.id}
                onClick={() => onCreate(draftFromTemplate(t), t.name)}
              >
                <span className="choice__name">{t.name}</span>
                <span className="choice__description">{t.description}</span>
              </button>
            </li>
          ))}
        </ul>
        {templateErrors.length ? (
          <p role="alert">Some templates could not be read: {templateErrors.join('; ')}</p>
        ) : null}
      </section>
      {onStartFromLibrary ? (
        <section aria-labelledby="new-from-library">
          <h3 id="new-from-library" className="dialog__section">
            From the library: this session&apos;s draft from last year&apos;s resolution
          </h3>
          <UpdateStartPicker onStart={onStartFromLibrary} />
        </section>
      ) : null}
      <section aria-labelledby="new-from-corpus">
        <h3 id="new-from-corpus" className="dialog__section">
          From a past resolution or decision (CTOC/COP/2012/15)
        </h3>
        <ul className="choices">
          {corpus.documents.map((d) => {
            const ref = `${d.kind} ${d.number ?? ''}`;
            return (
              <li key={ref} className="choice choice--row">
                <span className="choice__text">
                  <span className="choice__name">{ref.charAt(0).toUpperCase() + ref.slice(1)}</span>
                  <span className="choice__description">{d.title}</span>
                </span>
                <span className="choice__actions">
                  <button
                    type="button"
                    className="button"
                    aria-label={`Start from the text of ${ref}`}
                    onClick={() => onCreate(draftFromCorpus(d), `Revision of ${ref}`)}
                  >
                    Start from its text
                  </button>
                  <button
                    type="button"
                    className="button"
                    aria-label={`Follow-up draft to ${ref}`}
                    onClick={() => onCreate(followUpDraft(d, references), `Follow-up to ${ref}`)}
                  >
                    Follow-up draft
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      </section>
      {onImportText ? (
        <section aria-labelledby="new-from-text">
          <h3 id="new-from-text" className="dialog__section">
            From text you copied
          </h3>
          <p className="dialog__hint" id="new-from-text-hint">
            Paste a resolution or draft as you copied it from its PDF, a web page or an e-mail. Page headers,
            job numbers and footnotes at the page foot are recognized; the text becomes the draft&apos;s base
            for compare and tracked changes.
          </p>
          <textarea
            className="paste-box"
            aria-label="Text of a resolution or draft"
            aria-describedby="new-from-text-hint"
            rows={5}
            value={text}
            spellCheck={false}
            onChange={(e) => setText(e.target.value)}
          />
          <button
            type="button"
            className="button button--primary"
            disabled={text.trim() === ''}
            onClick={() => {
              onImportText(text);
              setText('');
            }}
          >
            Start a draft from this text
          </button>
        </section>
      ) : null}
    </Dialog>
  );
}
