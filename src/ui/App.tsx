/**
 * The application: opens the drafts store (IndexedDB) and shows the workspace. When the browser
 * refuses storage, it says so plainly and explains what still works.
 */
import { useEffect, useState } from 'react';
import { openDraftStore, type DraftStore } from '../storage/drafts.ts';
import { createTabChannel, type TabChannel } from '../storage/tabs.ts';
import { Workspace } from './Workspace.tsx';

type State =
  | { readonly kind: 'opening' }
  | { readonly kind: 'ready'; readonly store: DraftStore; readonly channel: TabChannel }
  | { readonly kind: 'failed'; readonly message: string };

export function App() {
  const [state, setState] = useState<State>({ kind: 'opening' });
  useEffect(() => {
    let closed = false;
    const channel = createTabChannel();
    let store: DraftStore | undefined;
    openDraftStore({
      channel,
      onVersionChange: () =>
        setState({
          kind: 'failed',
          message:
            'A newer version of Resolution Drafter was opened in another tab. Reload this tab to continue; your drafts are safe.',
        }),
    }).then(
      (s) => {
        store = s;
        if (closed) s.close();
        else setState({ kind: 'ready', store: s, channel });
      },
      (e: unknown) => {
        if (!closed) setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      closed = true;
      store?.close();
      channel.close();
    };
  }, []);

  if (state.kind === 'ready') return <Workspace store={state.store} channel={state.channel} />;
  return (
    <div className="shell">
      <header className="topbar">
        <span className="topbar__brand">Resolution Drafter</span>
      </header>
      <main className="desk desk--empty" aria-label="Draft workspace">
        {state.kind === 'opening' ? (
          <p className="welcome" role="status">
            Opening your drafts…
          </p>
        ) : (
          <div className="welcome" role="alert">
            <h1>Drafts cannot be stored in this browser</h1>
            <p>{state.message}</p>
            <p>
              Resolution Drafter keeps drafts in the browser’s own storage (IndexedDB). Allow site storage, or
              leave private browsing, and reload.
            </p>
          </div>
        )}
      </main>
    </div>
  );
}
