/**
 * Where a shared draft is: its server (ws:// or wss://) and its id, written `ws://host:port/<id>` on
 * the command line, and the link that opens it in the app, `<app>#shared=<id>&server=<ws url>&token=<t>`.
 * The token travels in the fragment, which browsers never send to any server.
 */
export interface SharedAddress {
  /** ws://host:port (no trailing slash) */
  readonly server: string;
  readonly document: string;
}

/** A document id as the server makes them (base64url); anything else is refused before connecting. */
const DOCUMENT_ID = /^[A-Za-z0-9_-]{8,64}$/;

/** The server's WebSocket address, checked: ws: or wss:, a host, no path. Throws a sentence. */
export function serverAddress(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is not a server address: give one like ws://127.0.0.1:1234`);
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:')
    throw new Error(`"${text}" is not a server address: it must start with ws:// or wss://`);
  if (url.pathname !== '/' && url.pathname !== '')
    throw new Error(`"${text}" is a server address with a path: give only ws://host:port`);
  return `${url.protocol}//${url.host}`;
}

/** `ws://host:port/<id>` → the server and the document. Throws a sentence. */
export function parseSharedAddress(text: string): SharedAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error(`"${text}" is not the address of a shared draft: give one like ws://127.0.0.1:1234/<id>`);
  }
  const document = url.pathname.replace(/^\//, '');
  if ((url.protocol !== 'ws:' && url.protocol !== 'wss:') || !DOCUMENT_ID.test(document))
    throw new Error(`"${text}" is not the address of a shared draft: give one like ws://127.0.0.1:1234/<id>`);
  return { server: `${url.protocol}//${url.host}`, document };
}

/** The server's HTTP address for its API: ws → http, wss → https. */
export function httpAddress(server: string): string {
  return server.replace(/^ws(s?):/, 'http$1:');
}

/** The link that opens a shared draft in the app with a role's token. */
export function sharedLink(app: string, address: SharedAddress, token: string): string {
  const base = app.split('#')[0] ?? app;
  const fragment = new URLSearchParams({ shared: address.document, server: address.server, token });
  return `${base}#${fragment.toString()}`;
}

/** What a link's fragment says, or null when it is not a shared draft's link. */
export function readSharedLink(hash: string): (SharedAddress & { readonly token: string }) | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const document = params.get('shared');
  const server = params.get('server');
  const token = params.get('token');
  if (!document || !server || !token || !DOCUMENT_ID.test(document)) return null;
  try {
    return { server: serverAddress(server), document, token };
  } catch {
    return null;
  }
}
