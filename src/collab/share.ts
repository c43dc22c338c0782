/**
 * Making a shared draft from a document: the server makes the draft and its tokens
 * (`POST /api/drafts`), then the text is written over the protocol as the facilitator, like any edit,
 * and the call returns once the server has acknowledged all of it.
 */
import type { ResolutionDocument } from '../core/model/types.ts';
import { httpAddress, sharedLink } from './address.ts';
import { openSharedDraft } from './connection.ts';
import { writeSharedDocument } from './headless.ts';

export interface SharedDraft {
  readonly document: string;
  readonly url: string;
  readonly tokens: {
    readonly facilitator: string;
    readonly observer: string;
    readonly delegations: Readonly<Record<string, string>>;
  };
}

export interface ShareOptions {
  /** ws://host:port */
  readonly server: string;
  readonly delegations: readonly string[];
  /** The app's address, for the link. */
  readonly app: string;
  readonly createKey?: string;
  readonly WebSocketPolyfill?: unknown;
}

export async function shareDocument(
  document: ResolutionDocument,
  options: ShareOptions,
): Promise<SharedDraft> {
  const api = `${httpAddress(options.server)}/api/drafts`;
  const request = (): Promise<Response> =>
    fetch(api, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        ...(options.createKey ? { Authorization: `Bearer ${options.createKey}` } : {}),
      },
      body: JSON.stringify({ delegations: options.delegations }),
    });
  let response: Response;
  try {
    // Once more if the first fails: a kept-alive connection the server had just closed fails at once.
    response = await request().catch(request);
  } catch {
    throw new Error(`No server answers at ${options.server}: is it running (npm run server)?`);
  }
  const body = (await response.json().catch(() => null)) as
    (Omit<SharedDraft, 'url'> & { error?: undefined }) | { error: string } | null;
  if (!response.ok || body === null || body.error !== undefined)
    throw new Error(
      body?.error ?? `The server at ${options.server} could not make the draft (HTTP ${response.status}).`,
    );
  const address = { server: options.server, document: body.document };
  const opened = await openSharedDraft(address, {
    token: body.tokens.facilitator,
    reconnect: false,
    ...(options.WebSocketPolyfill ? { WebSocketPolyfill: options.WebSocketPolyfill } : {}),
  });
  try {
    writeSharedDocument(opened.doc, document);
    await opened.flushed();
  } finally {
    opened.close();
  }
  return {
    document: body.document,
    url: sharedLink(options.app, address, body.tokens.facilitator),
    tokens: body.tokens,
  };
}
