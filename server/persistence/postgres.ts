/**
 * Shared persistence for several server instances: PostgreSQL (Debian's `postgresql`), through `pg`.
 * The same two tables as the SQLite default. Instances relay live updates through Redis
 * (@hocuspocus/extension-redis); each stores the whole merged document, so whichever stores last
 * stores everything both had.
 */
import pg from 'pg';
import * as Y from 'yjs';
import type { DraftRecord, DraftStore } from './store.ts';

export async function openPostgresStore(connectionString: string): Promise<DraftStore> {
  const pool = new pg.Pool({ connectionString, max: 4 });
  await pool.query(`
    CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, state BYTEA NOT NULL, updated TIMESTAMPTZ NOT NULL);
    CREATE TABLE IF NOT EXISTS drafts (id TEXT PRIMARY KEY, created TIMESTAMPTZ NOT NULL, delegations JSONB NOT NULL);
  `);
  return {
    fetch: async (id) => {
      const { rows } = await pool.query<{ state: Buffer }>('SELECT state FROM documents WHERE name = $1', [
        id,
      ]);
      const state = rows[0]?.state;
      return state ? new Uint8Array(state) : null;
    },
    // Merged with what is stored, in one transaction: another instance may have stored updates this one
    // has not received yet, and a plain overwrite would drop them.
    store: async (id, state) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ state: Buffer }>(
          'SELECT state FROM documents WHERE name = $1 FOR UPDATE',
          [id],
        );
        const stored = rows[0]?.state;
        const merged = stored ? Y.mergeUpdates([new Uint8Array(stored), state]) : state;
        await client.query(
          `INSERT INTO documents (name, state, updated) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET state = excluded.state, updated = excluded.updated`,
          [id, Buffer.from(merged)],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    register: async (record) => {
      await pool.query('INSERT INTO drafts (id, created, delegations) VALUES ($1, $2, $3)', [
        record.id,
        record.created,
        JSON.stringify(record.delegations),
      ]);
    },
    draft: async (id) => {
      const { rows } = await pool.query<{ id: string; created: Date; delegations: string[] }>(
        'SELECT id, created, delegations FROM drafts WHERE id = $1',
        [id],
      );
      const row = rows[0];
      if (!row) return null;
      const record: DraftRecord = {
        id: row.id,
        created: row.created.toISOString(),
        delegations: row.delegations,
      };
      return record;
    },
    count: async () => {
      const { rows } = await pool.query<{ n: string }>('SELECT COUNT(*) AS n FROM drafts');
      return Number(rows[0]?.n ?? 0);
    },
    close: () => pool.end(),
  };
}
