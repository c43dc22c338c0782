/**
 * The embedded default: SQLite in one file of the data folder, through SQLite compiled to WebAssembly
 * (node-sqlite3-wasm), which writes the file through Node's own file calls. Nothing to compile and no
 * other service: `npm run server` is one command on a fresh clone.
 */
import { createRequire } from 'node:module';
import type * as SqliteModule from 'node-sqlite3-wasm';
import { join } from 'node:path';
import type { DraftRecord, DraftStore } from './store.ts';

// A CommonJS module whose exports Node's ES loader cannot list: required, as its README does.
const { Database } = createRequire(import.meta.url)('node-sqlite3-wasm') as typeof SqliteModule;

export const SQLITE_FILE = 'drafts.sqlite';

export function openSqliteStore(dataDir: string): DraftStore {
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.exec(`
    PRAGMA journal_mode = WAL;
    PRAGMA synchronous = NORMAL;
    CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS drafts (id TEXT PRIMARY KEY, created TEXT NOT NULL, delegations TEXT NOT NULL);
  `);
  return {
    fetch: (id) => {
      const row = db.get('SELECT state FROM documents WHERE name = ?', [id]);
      const state = row?.state;
      return Promise.resolve(state instanceof Uint8Array ? state : null);
    },
    store: (id, state) => {
      db.run(
        `INSERT INTO documents (name, state, updated) VALUES (?, ?, ?)
         ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated = excluded.updated`,
        [id, state, new Date().toISOString()],
      );
      return Promise.resolve();
    },
    register: (record) => {
      db.run('INSERT INTO drafts (id, created, delegations) VALUES (?, ?, ?)', [
        record.id,
        record.created,
        JSON.stringify(record.delegations),
      ]);
      return Promise.resolve();
    },
    draft: (id) => {
      const row = db.get('SELECT id, created, delegations FROM drafts WHERE id = ?', [id]);
      if (row === null) return Promise.resolve(null);
      const record: DraftRecord = {
        id: String(row.id),
        created: String(row.created),
        delegations: JSON.parse(String(row.delegations)) as string[],
      };
      return Promise.resolve(record);
    },
    count: () => Promise.resolve(Number(db.get('SELECT COUNT(*) AS n FROM drafts')?.n ?? 0)),
    close: () => {
      if (db.isOpen) db.close();
      return Promise.resolve();
    },
  };
}
