/**
 * Share…: makes a shared draft of the open draft on a co-drafting server the user names, and gives a
 * link per role (the facilitator's, the observer's, one per delegation), each carrying its token.
 * Nothing leaves this computer before the user presses Share.
 */
import { useState } from 'react';
import type { SharedDraft } from '../../collab/share.ts';
import type { ResolutionDocument } from '../../core/model/types.ts';
import { Dialog } from '../Dialog.tsx';
import '../styles/shared.css';

export interface ShareDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** The draft's latest text. */
  readonly getDocument: () => Promise<ResolutionDocument | undefined>;
}

const DEFAULT_SERVER = 'ws://127.0.0.1:1234';

export function ShareDialog({ open, onClose, getDocument }: ShareDialogProps) {
  const [server, setServer] = useState(DEFAULT_SERVER);
  const [delegations, setDelegations] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [shared, setShared] = useState<SharedDraft | null>(null);
  const [copied, setCopied] = useState<string | null>(null);

  const app = `${window.location.origin}${window.location.pathname}`;
  const link = (token: string): string =>
    shared
      ? `${app}#${new URLSearchParams({ shared: shared.document, server: server.trim(), token }).toString()}`
      : '';

  const onShare = async (): Promise<void> => {
    const document = await getDocument();
    if (!document) return;
    setBusy(true);
    setProblem(null);
    try {
      const [{ shareDocument }, { serverAddress }] = await Promise.all([
        import('../../collab/share.ts'),
        import('../../collab/address.ts'),
      ]);
      const names = delegations
        .split(',')
        .map((name) => name.trim())
        .filter((name) => name !== '');
      setShared(
        await shareDocument(document, { server: serverAddress(server.trim()), delegations: names, app }),
      );
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const copy = (label: string, text: string): void => {
    void navigator.clipboard.writeText(text).then(
      () => setCopied(label),
      () => setProblem('The browser did not let the link be copied: select it and copy it by hand.'),
    );
  };

  const links: { label: string; token: string }[] = shared
    ? [
        { label: 'Facilitator (edits the text)', token: shared.tokens.facilitator },
        ...Object.entries(shared.tokens.delegations).map(([name, token]) => ({
          label: `${name} (proposes)`,
          token,
        })),
        { label: 'Observer (reads)', token: shared.tokens.observer },
      ]
    : [];

  return (
    <Dialog title="Share for co-drafting" open={open} onClose={onClose} wide>
      {shared === null ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void onShare();
          }}
        >
          <p>
            The draft goes to the co-drafting server you name, and everyone with a link works on it live. This
            copy stays in this browser as it is.
          </p>
          <label htmlFor="share-server">Server</label>
          <input
            id="share-server"
            value={server}
            onChange={(e) => setServer(e.target.value)}
            spellCheck={false}
          />
          <label htmlFor="share-delegations">Delegations, separated by commas</label>
          <input
            id="share-delegations"
            value={delegations}
            placeholder="e.g. Mexico, Norway, European Union"
            onChange={(e) => setDelegations(e.target.value)}
          />
          {problem ? (
            <p className="notice notice--error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="dialog__actions">
            <button type="submit" className="button button--primary" disabled={busy || server.trim() === ''}>
              {busy ? 'Sharing…' : 'Share'}
            </button>
          </div>
        </form>
      ) : (
        <div>
          <p role="status">
            Shared. Give each link only to whom it is for: a link lets its holder do what its role may.
          </p>
          <ul className="share-links" aria-label="Links">
            {links.map(({ label, token }) => (
              <li key={label}>
                <span>{label}</span>
                <input
                  readOnly
                  value={link(token)}
                  aria-label={`Link for ${label}`}
                  onFocus={(e) => e.target.select()}
                />
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => copy(label, link(token))}
                >
                  {copied === label ? 'Copied' : 'Copy'}
                </button>
              </li>
            ))}
          </ul>
          {problem ? (
            <p className="notice notice--error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="dialog__actions">
            <a
              className="button button--primary"
              href={link(shared.tokens.facilitator)}
              target="_blank"
              rel="noopener"
            >
              Open as facilitator
            </a>
          </div>
        </div>
      )}
    </Dialog>
  );
}
