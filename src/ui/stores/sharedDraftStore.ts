/**
 * A shared draft's page state (ARCHITECTURE.md convention 12): the connection, who is here, what this
 * role may do, and the header the text goes with. The session (collab/browser.ts) holds the network and
 * the Yjs document; this store reads it for the page and is what the components subscribe to.
 */
import type { Provider } from '@lexical/yjs';
import type * as Y from 'yjs';
import type { SharedAddress } from '../../collab/address.ts';
import { openBrowserSession, type BrowserSession, type ConnectionState } from '../../collab/browser.ts';
import { readSharedHeader, type SharedHeader } from '../../collab/headless.ts';
import { SHARED_DECISIONS, SHARED_DRAFT, SHARED_PROPOSALS, SHARED_STANCES } from '../../collab/layout.ts';
import { readProposals, type ProposalView } from '../../collab/proposals.ts';
import { displayName, presenceColour, tokenRole, type TokenRole } from '../../collab/role.ts';

export interface Peer {
  readonly id: number;
  readonly name: string;
  readonly colour: string;
  readonly self: boolean;
}

export interface SharedDraftState {
  readonly connection: ConnectionState;
  readonly refusal: string | null;
  /** The text has arrived: the page can be shown and structured. */
  readonly ready: boolean;
  /** Changes the server has not acknowledged yet (kept on this computer meanwhile). */
  readonly unsynced: boolean;
  readonly peers: readonly Peer[];
  readonly header: SharedHeader | null;
  /** Every proposal with its decision and stances, oldest first. */
  readonly proposals: readonly ProposalView[];
  /** What the editor last said to the user (a paste or text refused, and why), until dismissed. */
  readonly message: string | null;
}

export interface SharedDraftStore {
  readonly address: SharedAddress;
  readonly role: TokenRole;
  readonly name: string;
  readonly colour: string;
  readonly doc: Y.Doc;
  /** May type into the text: the facilitator only (the server refuses the others anyway). */
  readonly canEdit: boolean;
  /** What the CollaborationPlugin's `providerFactory` gives: the session's provider, with its doc in the map. */
  providerFactory(id: string, docs: Map<string, Y.Doc>): Provider;
  getState(): SharedDraftState;
  /** Tells the user something the editor refused or changed. */
  notify(text: string): void;
  dismiss(): void;
  subscribe(listener: () => void): () => void;
  destroy(): void;
}

/** A store for the link's draft; null when the token is not one of this product's. */
export function createSharedDraftStore(
  address: SharedAddress,
  token: string,
  open: (address: SharedAddress, token: string) => BrowserSession = openBrowserSession,
): SharedDraftStore | null {
  const role = tokenRole(token);
  if (role === null) return null;
  const session = open(address, token);
  const name = displayName(role);
  const colour = presenceColour(name);
  const listeners = new Set<() => void>();
  const awareness = session.hocuspocus.awareness;

  const peers = (): Peer[] => {
    if (!awareness) return [];
    const out: Peer[] = [];
    for (const [id, state] of awareness.getStates()) {
      const peerName = (state as { name?: unknown }).name;
      if (typeof peerName !== 'string') continue;
      const peerColour = (state as { color?: unknown }).color;
      out.push({
        id,
        name: peerName,
        colour: typeof peerColour === 'string' ? peerColour : presenceColour(peerName),
        self: id === awareness.clientID,
      });
    }
    return out.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name));
  };
  const read = (): SharedDraftState => ({
    connection: session.state(),
    refusal: session.refusal(),
    ready: session.ready(),
    unsynced: unsyncedShown,
    peers: peers(),
    header: readSharedHeader(session.doc),
    proposals,
    message,
  });
  let message: string | null = null;
  // "Sending…" only for changes the server has not had for a second: every keystroke is unacknowledged
  // for a few milliseconds, and the bar would flicker (and be drawn again) at every key.
  let unsyncedShown = false;
  let unsyncedTimer: ReturnType<typeof setTimeout> | undefined;
  const watchUnsynced = (): void => {
    if (!session.unsynced()) {
      clearTimeout(unsyncedTimer);
      unsyncedTimer = undefined;
      unsyncedShown = false;
    } else if (!unsyncedShown && unsyncedTimer === undefined)
      unsyncedTimer = setTimeout(() => {
        unsyncedTimer = undefined;
        unsyncedShown = session.unsynced();
        refresh();
      }, 1000);
  };
  let proposals = readProposals(session.doc);
  let state = read();
  const refresh = (): void => {
    const next = read();
    const same =
      next.connection === state.connection &&
      next.refusal === state.refusal &&
      next.ready === state.ready &&
      next.unsynced === state.unsynced &&
      next.header === state.header &&
      next.proposals === state.proposals &&
      next.message === state.message &&
      next.peers.length === state.peers.length &&
      next.peers.every((p, i) => p.id === state.peers[i]?.id && p.name === state.peers[i]?.name);
    if (same) return;
    state = next;
    for (const listener of listeners) listener();
  };
  const stopSession = session.subscribe(() => {
    watchUnsynced();
    refresh();
  });
  awareness?.on('change', refresh);
  const draftMap = session.doc.getMap(SHARED_DRAFT);
  draftMap.observe(refresh);
  const negotiationMaps = [SHARED_PROPOSALS, SHARED_DECISIONS, SHARED_STANCES].map((name) =>
    session.doc.getMap(name),
  );
  const onProposals = (): void => {
    proposals = readProposals(session.doc);
    refresh();
  };
  for (const map of negotiationMaps) map.observe(onProposals);

  return {
    address,
    role,
    name,
    colour,
    doc: session.doc,
    canEdit: role.role === 'facilitator',
    providerFactory: (id, docs) => {
      docs.set(id, session.doc);
      return session.provider;
    },
    getState: () => state,
    notify: (text) => {
      message = text;
      refresh();
    },
    dismiss: () => {
      message = null;
      refresh();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    destroy: () => {
      stopSession();
      clearTimeout(unsyncedTimer);
      awareness?.off('change', refresh);
      draftMap.unobserve(refresh);
      for (const map of negotiationMaps) map.unobserve(onProposals);
      session.destroy();
    },
  };
}
