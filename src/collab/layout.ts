/**
 * The shared draft as one Yjs document (its Hocuspocus document name is the shared draft's id). Its
 * top-level types, and who may write each: the server checks every write against this table
 * (server/permissions.ts), the client only hides what a role cannot do.
 *
 * - `root` (XmlText): the text, as Lexical's Yjs binding lays it out. The facilitator's.
 * - `draft` (Map): `header` → what the editor does not hold (schema version, kind, organ, metadata,
 *   number). The facilitator's.
 * - `proposals` (Map): `<delegation>/<id>` → a proposal, as JSON. A delegation writes only keys that
 *   start with its own name, so what it proposes is attributed to it by the key the server checked.
 * - `stances` (Map): `<delegation>/<proposal id>` → "support" | "oppose". Likewise per delegation.
 * - `decisions` (Map): `<proposal id>` → accepted / rejected, and everything else the facilitator
 *   decides (brackets, paragraph statuses, notes, the round). The facilitator's.
 *
 * Flat keys rather than one map per delegation: two peers creating the same nested map at once would
 * each make their own and one would be lost; a flat key is a plain last-writer-wins entry.
 */
export const SHARED_ROOT = 'root';
export const SHARED_DRAFT = 'draft';
export const SHARED_PROPOSALS = 'proposals';
export const SHARED_STANCES = 'stances';
export const SHARED_DECISIONS = 'decisions';

/** The top-level types a delegation may write, each only under keys `<its name>/…`. */
export const DELEGATION_WRITABLE: readonly string[] = [SHARED_PROPOSALS, SHARED_STANCES];

/** The three roles of a shared draft. */
export const ROLES = ['facilitator', 'delegation', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** The key under which a delegation writes an entry of its own. */
export function delegationKey(delegation: string, id: string): string {
  return `${delegation}/${id}`;
}
