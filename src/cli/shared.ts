/**
 * The command line and shared drafts (issue: co-drafting):
 *
 *   share <source> --server ws://127.0.0.1:1234 --delegations "Mexico,Norway" [--app <url>] [--json]
 *     makes a shared draft of the source on that server and prints
 *     {"document": id, "url": link to open it in the app, "tokens": {"facilitator", "observer",
 *     "delegations": {name: token}}}
 *   parse --shared ws://127.0.0.1:1234/<id> --token <t> [--json]
 *   export --shared ws://127.0.0.1:1234/<id> --token <t> --out f.docx
 *     read a shared draft as the app shows it, through a headless editor bound to it (collab/headless.ts).
 *
 * Loaded only by these commands: the provider and Yjs stay out of the others' start.
 */
import { parseSharedAddress, serverAddress } from '../collab/address.ts';
import { openSharedDraft } from '../collab/connection.ts';
import { readSharedDocument } from '../collab/headless.ts';
import { NodeWebSocket } from '../collab/nodeSocket.ts';
import { shareDocument } from '../collab/share.ts';
import type { ResolutionDocument } from '../core/model/types.ts';
import { UsageError } from './io.ts';
import { readOneDocumentAsync } from './sources.ts';

export const SHARE_USAGE =
  'usage: resolution-drafter share <source> --server ws://host:port --delegations "Mexico,Norway" [--app <url>] [--json]';

/** Where the link opens the app unless --app says otherwise: `npm start`'s address. */
export const DEFAULT_APP = 'http://127.0.0.1:5173/';

export interface SharedSource {
  readonly url: string;
  readonly token: string;
}

/**
 * Takes `--shared <url> --token <t>` out of a command's arguments: the rest, and the shared draft named
 * (null when --shared is not given). One without the other is refused.
 */
export function takeSharedOption(
  argv: readonly string[],
  usage: string,
): { rest: string[]; shared: SharedSource | null } {
  const rest: string[] = [];
  let url: string | undefined;
  let token: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--shared' || arg === '--token') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${arg} needs a value\n${usage}`);
      if (arg === '--shared') url = value;
      else token = value;
      i++;
    } else rest.push(arg);
  }
  if (url === undefined && token === undefined) return { rest, shared: null };
  if (url === undefined) throw new UsageError(`--token goes with --shared ws://host:port/<id>\n${usage}`);
  if (token === undefined)
    throw new UsageError(`--shared needs the --token of a role on that draft\n${usage}`);
  return { rest, shared: { url, token } };
}

/** The document a shared draft holds now, read as the app shows it. */
export async function readSharedSource({ url, token }: SharedSource): Promise<ResolutionDocument> {
  let address;
  try {
    address = parseSharedAddress(url);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  let opened;
  try {
    opened = await openSharedDraft(address, { token, reconnect: false, WebSocketPolyfill: NodeWebSocket });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  try {
    const document = readSharedDocument(opened.doc);
    if (document === null) throw new UsageError(`The shared draft at ${url} holds nothing yet.`);
    return document;
  } finally {
    opened.close();
  }
}

interface ShareArgs {
  readonly source: string;
  readonly server: string;
  readonly delegations: string[];
  readonly app: string;
  readonly json: boolean;
}

function parseShareArgs(argv: readonly string[]): ShareArgs {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--json') json = true;
    else if (arg === '--server' || arg === '--delegations' || arg === '--app') {
      const value = argv[i + 1];
      if (value === undefined || (value.startsWith('--') && arg !== '--delegations'))
        throw new UsageError(`${arg} needs a value\n${SHARE_USAGE}`);
      values[arg.slice(2)] = value;
      i++;
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${SHARE_USAGE}`);
    else positional.push(arg);
  }
  const [source, ...extra] = positional;
  if (source === undefined || extra.length > 0) throw new UsageError(SHARE_USAGE);
  if (values.server === undefined)
    throw new UsageError(`--server ws://host:port is required\n${SHARE_USAGE}`);
  let server: string;
  try {
    server = serverAddress(values.server);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  const delegations = (values.delegations ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const app = values.app ?? DEFAULT_APP;
  if (!/^https?:\/\//.test(app))
    throw new UsageError(`--app must be the app's http(s):// address, not "${app}"`);
  return { source, server, delegations, app, json };
}

export async function shareCommand(argv: readonly string[]): Promise<string> {
  const args = parseShareArgs(argv);
  const document = await readOneDocumentAsync(args.source);
  let shared;
  try {
    shared = await shareDocument(document, {
      server: args.server,
      delegations: args.delegations,
      app: args.app,
      WebSocketPolyfill: NodeWebSocket,
      ...(process.env.RESOLUTION_DRAFTER_CREATE_KEY
        ? { createKey: process.env.RESOLUTION_DRAFTER_CREATE_KEY }
        : {}),
    });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (args.json)
    return JSON.stringify({ document: shared.document, url: shared.url, tokens: shared.tokens }, null, 2);
  const lines = [
    `Shared ${document.kind}${document.number ? ` ${document.number}` : ''} "${document.title}" as ${shared.document} on ${args.server}.`,
    '',
    `Open it as the facilitator: ${shared.url}`,
    '',
    'Tokens (give each delegation its own; anyone with a token can do what its role may):',
    `  facilitator  ${shared.tokens.facilitator}`,
    `  observer     ${shared.tokens.observer}`,
    ...Object.entries(shared.tokens.delegations).map(([name, token]) => `  ${name.padEnd(12)} ${token}`),
  ];
  return lines.join('\n');
}
