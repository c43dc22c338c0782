/**
 * What a token says of its holder, read by the client to hide what the role cannot do. The client
 * never checks the signature (it has no secret): the server is what refuses (server/permissions.ts).
 */
import { ROLES, type Role } from './layout.ts';

export interface TokenRole {
  readonly role: Role;
  readonly delegation?: string;
}

function decodeBase64Url(text: string): string {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

/** The role a token claims, or null when it is not a token of this product. */
export function tokenRole(token: string): TokenRole | null {
  const [prefix, payload] = token.split('.');
  if (prefix !== 'rd1' || !payload) return null;
  try {
    const { r, n } = JSON.parse(decodeBase64Url(payload)) as { r?: unknown; n?: unknown };
    if (!(ROLES as readonly unknown[]).includes(r)) return null;
    const role = r as Role;
    if (role === 'delegation') return typeof n === 'string' && n !== '' ? { role, delegation: n } : null;
    return { role };
  } catch {
    return null;
  }
}

/** The name a peer shows to the others. */
export function displayName(role: TokenRole): string {
  return role.role === 'delegation'
    ? (role.delegation ?? 'Delegation')
    : role.role === 'facilitator'
      ? 'Facilitator'
      : 'Observer';
}

/** A colour per name, the same on every peer: a hue from the name's hash, dark enough for text. */
export function presenceColour(name: string): string {
  let hash = 0;
  for (let i = 0; i < name.length; i++) hash = (Math.imul(hash, 31) + name.charCodeAt(i)) | 0;
  return `hsl(${Math.abs(hash) % 360} 70% 38%)`;
}
