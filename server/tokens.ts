/**
 * Signed tokens, one per role of a shared draft: what a link carries and `onAuthenticate` checks.
 *
 * A token is `rd1.<payload>.<signature>`: the payload is the grant as base64url JSON (`d` document,
 * `r` role, `n` delegation), the signature HMAC-SHA256 of `rd1.<payload>` with the server's secret
 * (secret.ts). Nothing in a token is secret, only unforgeable: whoever holds a link may do what its
 * role may, on that one draft and no other.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { ROLES, type Role } from '../src/collab/layout.ts';

export interface Grant {
  /** The shared draft's id: the Hocuspocus document name the token opens. */
  readonly document: string;
  readonly role: Role;
  /** The delegation a `delegation` token speaks for. */
  readonly delegation?: string;
}

const PREFIX = 'rd1';

function sign(secret: Uint8Array, text: string): string {
  return createHmac('sha256', secret).update(text).digest('base64url');
}

export function signToken(secret: Uint8Array, grant: Grant): string {
  if (grant.role === 'delegation' && !grant.delegation)
    throw new Error('signToken: a delegation token needs the delegation it speaks for');
  const payload = Buffer.from(
    JSON.stringify({
      d: grant.document,
      r: grant.role,
      ...(grant.role === 'delegation' ? { n: grant.delegation } : {}),
    }),
  ).toString('base64url');
  const body = `${PREFIX}.${payload}`;
  return `${body}.${sign(secret, body)}`;
}

/** The grant a token carries, or null when it is not one this server signed (or not a token at all). */
export function verifyToken(secret: Uint8Array, token: unknown): Grant | null {
  if (typeof token !== 'string' || token.length > 4096) return null;
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX) return null;
  const [prefix, payload, signature] = parts as [string, string, string];
  const expected = Buffer.from(sign(secret, `${prefix}.${payload}`));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { d, r, n } = parsed as Record<string, unknown>;
  if (typeof d !== 'string' || !(ROLES as readonly unknown[]).includes(r)) return null;
  const role = r as Role;
  if (role === 'delegation')
    return typeof n === 'string' && n !== '' ? { document: d, role, delegation: n } : null;
  return { document: d, role };
}
