/**
 * The application: opens the drafts store (IndexedDB) and shows the workspace. When the browser
 * refuses storage, it says so plainly and explains what still works.
 */
import { lazy, Suspense, useEffect, useLayoutEffect, useState } from 'react';
import { readSharedLink } from '../collab/address.ts';
import { openDraftStore, type DraftStore } from '../storage/drafts.ts';
import { takeEarlyRead } from '../storage/early.ts';
import { createTabChannel, type TabChannel } from '../storage/tabs.ts';
import { Workspace } from './Workspace.tsx';

type State =
  | { readonly kind: 'opening' }
  | { readonly kind: 'ready'; readonly store: DraftStore; readonly channel: TabChannel }
  | { readonly kind: 'failed'; readonly message: string };

// A shared draft's page, with Yjs and the provider, loads only when a link opens one.
const SharedDraftPage = lazy(() =>
  import('./shared/SharedDraftPage.tsx').then((m) => ({ default: m.SharedDraftPage })),
);

/**
 * The application: a shared draft when the address carries a shared draft's link (its fragment:
 * collab/address.ts), otherwise this browser's drafts.
 */
export function App() {
  const [shared] = useState(() => readSharedLink(window.location.hash));
  // A shared draft's link pasted into this tab changes only the fragment: open it as a page of its own.
  useEffect(() => {
    const onHash = (): void => {
      if (readSharedLink(window.location.hash) !== null) window.location.reload();
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  if (shared !== null)
    return (
      <div className="shell">
        <header className="topbar">
          <span className="topbar__brand">Resolution Drafter</span>
        </header>
        <Suspense fallback={<p className="welcome">Opening the shared draft…</p>}>
          <SharedDraftPage address={shared} token={shared.token} />
        </Suspense>
      </div>
    );
  return <LocalDrafts />;
}

function LocalDrafts() {
  const [state, setState] = useState<State>({ kind: 'opening' });
  // A layout effect: the store starts opening before the first frame is drawn, not after it.
  useLayoutEffect(() => {
    let closed = false;
    const channel = createTabChannel();
    let store: DraftStore | undefined;
    // The page's first script has opened the database and read the draft opened last (storage/early.ts).
    takeEarlyRead()
      .then((early) =>
        openDraftStore({
          channel,
          early,
          onVersionChange: () =>
            setState({
              kind: 'failed',
              message:
                'A newer version of Resolution Drafter was opened in another tab. Reload this tab to continue; your drafts are safe.',
            }),
        }),
      )
      .then(
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
