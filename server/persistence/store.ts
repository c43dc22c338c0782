/**
 * Where shared drafts are kept: each draft's Yjs state under its id, and the register of drafts (when
 * made, with which delegations). SQLite in a folder by default (sqlite.ts); PostgreSQL when several
 * server instances share the drafts (postgres.ts).
 */
export interface DraftRecord {
  readonly id: string;
  readonly created: string;
  readonly delegations: readonly string[];
}

export interface DraftStore {
  /** The draft's stored Yjs state, or null when nothing is stored yet. */
  fetch(id: string): Promise<Uint8Array | null>;
  /** Replaces the draft's stored state (Hocuspocus stores the whole document, debounced). */
  store(id: string, state: Uint8Array): Promise<void>;
  register(record: DraftRecord): Promise<void>;
  draft(id: string): Promise<DraftRecord | null>;
  /** How many drafts are registered. */
  count(): Promise<number>;
  close(): Promise<void>;
}
