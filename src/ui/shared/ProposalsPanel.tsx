/**
 * Proposals on a shared draft, live: a delegation writes its version of a paragraph; the facilitator
 * sees each with its word changes and accepts (the paragraph takes the new words, in every browser) or
 * rejects; other delegations support or oppose. What a role cannot do is not offered here, and the
 * server refuses it anyway.
 */
import { useMemo, useState } from 'react';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import {
  withdrawProposal,
  writeDecision,
  writeProposal,
  writeStance,
  type ProposalView,
} from '../../collab/proposals.ts';
import { wordDiff } from '../../core/compare/words.ts';
import { LIMITS } from '../../core/model/validate.ts';
import { $pageParagraphs, $replaceParagraphText } from '../../editor/bridge/paragraphText.ts';
import { presenceColour } from '../../collab/role.ts';
import type { SharedDraftStore } from '../stores/sharedDraftStore.ts';

function Changes({ proposal }: { readonly proposal: ProposalView }) {
  const changes = useMemo(
    () =>
      wordDiff(
        { text: proposal.base, opener: proposal.opener },
        { text: proposal.text, opener: proposal.opener },
      ),
    [proposal],
  );
  return (
    <p className="proposal__text">
      {changes.map((change, i) =>
        change.op === 'insert' ? (
          <ins key={i}>{change.text}</ins>
        ) : change.op === 'delete' ? (
          <del key={i}>{change.text}</del>
        ) : (
          <span key={i}>{change.text}</span>
        ),
      )}
    </p>
  );
}

export function ProposalsPanel({
  store,
  proposals,
}: {
  readonly store: SharedDraftStore;
  readonly proposals: readonly ProposalView[];
}) {
  const [editor] = useLexicalComposerContext();
  const delegation = store.role.role === 'delegation' ? (store.role.delegation ?? '') : null;
  const [paragraphKey, setParagraphKey] = useState('');
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const readParagraphs = () =>
    editor
      .getEditorState()
      .read(() =>
        $pageParagraphs().map(({ key, label, text: t, opener }) => ({ key, label, text: t, opener })),
      );
  // The paragraphs to choose from, as the page numbers them: read when the panel shows, and again as
  // the menu is about to open (pointer down, or focus from the keyboard), never while anyone types.
  // A list filled only on focus opened empty on the first click.
  const [paragraphs, setParagraphs] = useState(readParagraphs);
  const listParagraphs = (): void => setParagraphs(readParagraphs());

  const choose = (key: string): void => {
    setParagraphKey(key);
    setText(readParagraphs().find((p) => p.key === key)?.text ?? '');
  };

  const propose = (): void => {
    const paragraph = readParagraphs().find((p) => p.key === paragraphKey);
    if (!paragraph || delegation === null) return;
    if (text.trim() === '' || text === paragraph.text) {
      setProblem('Write your version of the paragraph first: it is the same as the text.');
      return;
    }
    if (text.length > LIMITS.paragraphChars) {
      setProblem(
        `Your version is ${text.length.toLocaleString('en-US')} characters long; a paragraph may hold at most ${LIMITS.paragraphChars.toLocaleString('en-US')}.`,
      );
      return;
    }
    writeProposal(store.doc, delegation, {
      key: paragraph.key,
      label: paragraph.label,
      base: paragraph.text,
      opener: paragraph.opener,
      text,
    });
    setProblem(null);
    setParagraphKey('');
    setText('');
  };

  const accept = (proposal: ProposalView): void => {
    let why: string | null = null;
    editor.update(
      () => {
        const paragraph = $pageParagraphs().find((p) => p.key === proposal.key);
        if (!paragraph) why = `${proposal.label} is no longer in the text: make the change by hand.`;
        else why = $replaceParagraphText(paragraph.node, proposal.text);
      },
      { discrete: true },
    );
    if (why !== null) {
      setProblem(why);
      return;
    }
    writeDecision(store.doc, proposal.id, 'accepted');
    setProblem(null);
  };

  const open = proposals.filter((p) => p.decision === null);
  const decided = proposals.filter((p) => p.decision !== null);
  return (
    <aside className="panel shared-proposals" aria-label="Proposals">
      <h2>Proposals</h2>
      {delegation !== null ? (
        <form
          className="shared-proposals__form"
          onSubmit={(e) => {
            e.preventDefault();
            propose();
          }}
        >
          <label htmlFor="propose-paragraph">{delegation} proposes a version of</label>
          <select
            id="propose-paragraph"
            value={paragraphKey}
            onPointerDown={listParagraphs}
            onFocus={listParagraphs}
            onChange={(e) => choose(e.target.value)}
          >
            <option value="">Choose a paragraph…</option>
            {paragraphs.map((p) => (
              <option key={p.key} value={p.key}>
                {p.label}
              </option>
            ))}
          </select>
          <label htmlFor="propose-text">Your text</label>
          <textarea
            id="propose-text"
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
            disabled={paragraphKey === ''}
          />
          <button type="submit" className="button button--primary" disabled={paragraphKey === ''}>
            Propose
          </button>
        </form>
      ) : null}
      {problem ? (
        <p className="notice notice--error" role="alert">
          {problem}
        </p>
      ) : null}
      {open.length === 0 ? <p className="shared-proposals__empty">No open proposals.</p> : null}
      <ul className="shared-proposals__list" aria-label="Open proposals">
        {open.map((proposal) => (
          <li key={proposal.id} style={{ ['--peer' as string]: presenceColour(proposal.delegation) }}>
            <p className="proposal__head">
              <strong>{proposal.delegation}</strong> on {proposal.label}
              {proposal.support.length > 0 ? ` · supported by ${proposal.support.join(', ')}` : ''}
              {proposal.oppose.length > 0 ? ` · opposed by ${proposal.oppose.join(', ')}` : ''}
            </p>
            <Changes proposal={proposal} />
            <div className="proposal__actions">
              {store.role.role === 'facilitator' ? (
                <>
                  <button type="button" className="button button--small" onClick={() => accept(proposal)}>
                    Accept
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => writeDecision(store.doc, proposal.id, 'rejected')}
                  >
                    Reject
                  </button>
                </>
              ) : null}
              {delegation !== null && proposal.delegation === delegation ? (
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => withdrawProposal(store.doc, proposal.id)}
                >
                  Withdraw
                </button>
              ) : null}
              {delegation !== null && proposal.delegation !== delegation ? (
                <>
                  <button
                    type="button"
                    className="button button--small"
                    aria-pressed={proposal.support.includes(delegation)}
                    onClick={() =>
                      writeStance(
                        store.doc,
                        delegation,
                        proposal.id,
                        proposal.support.includes(delegation) ? null : 'support',
                      )
                    }
                  >
                    Support
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-pressed={proposal.oppose.includes(delegation)}
                    onClick={() =>
                      writeStance(
                        store.doc,
                        delegation,
                        proposal.id,
                        proposal.oppose.includes(delegation) ? null : 'oppose',
                      )
                    }
                  >
                    Oppose
                  </button>
                </>
              ) : null}
            </div>
          </li>
        ))}
      </ul>
      {decided.length > 0 ? (
        <details>
          <summary>Decided ({decided.length})</summary>
          <ul className="shared-proposals__list" aria-label="Decided proposals">
            {decided.map((proposal) => (
              <li key={proposal.id}>
                <strong>{proposal.delegation}</strong> on {proposal.label}: {proposal.decision}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </aside>
  );
}
