/**
 * Benchmark figures of the co-drafting issue, with simulated clients over loopback against the real
 * server (`npm run server`'s entry, in processes of its own, so the clients' work is not the server's):
 *
 * - update propagation from one client to the others, p50 and p95, with 2, 10 and 50 clients on one
 *   instance, and with 10 and 50 across two instances relaying through Redis (budget: p95 at most
 *   100 ms at 50 clients). A client is a Yjs document with Hocuspocus' provider; the writer changes
 *   the shared draft 40 times, 50 ms apart, and each other client notes when the change arrives;
 * - the server's memory per open document (20 drafts of 150 paragraphs, one client each) and per
 *   client (100 more clients on one draft), from the process' resident size;
 * - the time to load a 150-paragraph shared draft into a client's editor (connect, receive, lay out
 *   in the headless editor bound to it), median of 10 (budget 1 s).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSharedDraft, type OpenedDraft } from '../src/collab/connection.ts';
import { NodeWebSocket } from '../src/collab/nodeSocket.ts';
import { shareDocument, type SharedDraft } from '../src/collab/share.ts';
import type { ResolutionDocument } from '../src/core/model/types.ts';
import { GA_DIR } from '../src/cli/library-build.ts';
import { readPrintedText } from '../src/core/parse/printed.ts';
import {
  connectEditor,
  freePort,
  removeDir,
  spawnServer,
  stopServer,
  type ServerProcess,
} from '../tests/server/harness.ts';
import {
  startPostgres,
  startRedis,
  stopPostgres,
  type PostgresService,
  type Service,
} from '../tests/server/services.ts';
import { median, percentile, round, type Figure } from './measure.ts';

const SECRET = 'a benchmark secret long enough to sign the tokens with';

/** A 150-paragraph draft: the longest operative parts of the corpus' resolutions, repeated. */
function longDraft(base: ResolutionDocument): ResolutionDocument {
  const operative = Array.from({ length: 120 }, (_, i) => base.operative[i % base.operative.length]!);
  const preamble = Array.from({ length: 30 }, (_, i) => base.preamble[i % base.preamble.length]!);
  return { ...base, preamble, operative };
}

interface Instance {
  readonly process: ServerProcess;
  readonly url: string;
  readonly dataDir: string;
}

async function instance(extra: readonly string[] = []): Promise<Instance> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'rd-bench-'));
  // The instances of one deployment share the secret (and, scaled, Redis and PostgreSQL).
  const process = await spawnServer(['--port', String(port), '--data', dataDir, ...extra], {
    RESOLUTION_DRAFTER_SECRET: SECRET,
  });
  return { process, url: `ws://127.0.0.1:${port}`, dataDir };
}

async function stop(i: Instance): Promise<void> {
  await stopServer(i.process);
  removeDir(i.dataDir);
}

const open = (url: string, draft: SharedDraft): Promise<OpenedDraft> =>
  openSharedDraft(
    { server: url, document: draft.document },
    { token: draft.tokens.facilitator, WebSocketPolyfill: NodeWebSocket },
  );

async function propagation(
  writerUrl: string,
  readerUrls: readonly string[],
  draft: SharedDraft,
): Promise<number[]> {
  const writer = await open(writerUrl, draft);
  const readers = await Promise.all(readerUrls.map((url) => open(url, draft)));
  const latencies: number[] = [];
  const sent = new Map<number, number>();
  for (const reader of readers)
    reader.doc.getMap('bench').observe((event) => {
      const now = performance.now();
      for (const key of event.keysChanged) {
        const t = sent.get(Number(key));
        if (t !== undefined) latencies.push(now - t);
      }
    });
  const updates = 40;
  for (let i = 0; i < updates; i++) {
    sent.set(i, performance.now());
    writer.doc.getMap('bench').set(String(i), i);
    await new Promise((r) => setTimeout(r, 50));
  }
  const deadline = Date.now() + 10_000;
  while (latencies.length < updates * readers.length && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  writer.close();
  for (const reader of readers) reader.close();
  return latencies.sort((a, b) => a - b);
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

export async function measureCollab(log: (line: string) => void): Promise<Figure[]> {
  const figures: Figure[] = [];
  const [base] = readPrintedText(readFileSync(join(GA_DIR, 'A_RES_79_9.txt'), 'utf8')).documents;
  if (!base) throw new Error('A/RES/79/9 did not read');
  const draftDoc = longDraft(base);
  let redis: Service | null = null;
  let postgres: PostgresService | null = null;
  const instances: Instance[] = [];
  try {
    const one = await instance();
    instances.push(one);
    const share = (url: string) =>
      shareDocument(draftDoc, {
        server: url,
        delegations: ['Mexico'],
        app: 'http://127.0.0.1:5173/',
        WebSocketPolyfill: NodeWebSocket,
      });

    // Propagation on one instance.
    for (const clients of [2, 10, 50]) {
      const draft = await share(one.url);
      const l = await propagation(
        one.url,
        Array.from({ length: clients - 1 }, () => one.url),
        draft,
      );
      const what = `an update from one client to the ${clients - 1} other${clients === 2 ? '' : 's'}, one instance (${l.length} arrivals)`;
      figures.push({
        key: `collab.propagation${clients}P50Ms`,
        value: round(percentile(l, 50)),
        unit: 'ms',
        budget: null,
        what: `${what}, p50`,
      });
      figures.push({
        key: `collab.propagation${clients}P95Ms`,
        value: round(percentile(l, 95)),
        unit: 'ms',
        budget: clients === 50 ? 100 : null,
        what: `${what}, p95`,
      });
    }

    // Across two instances relaying through Redis, their drafts in one PostgreSQL (the scaled setup):
    // the writer on the first, the readers split between both.
    try {
      redis = await startRedis();
      postgres = await startPostgres();
      const scaled = ['--redis', redis.url, '--postgres', postgres.connectionString];
      const a = await instance(scaled);
      const b = await instance(scaled);
      instances.push(a, b);
      for (const clients of [10, 50]) {
        const draft = await share(a.url);
        const readers = Array.from({ length: clients - 1 }, (_, i) => (i % 2 === 0 ? b.url : a.url));
        const l = await propagation(a.url, readers, draft);
        const what = `an update from one client to the ${clients - 1} others, half of them on a second instance through Redis (${l.length} arrivals)`;
        figures.push({
          key: `collab.redisPropagation${clients}P50Ms`,
          value: round(percentile(l, 50)),
          unit: 'ms',
          budget: null,
          what: `${what}, p50`,
        });
        figures.push({
          key: `collab.redisPropagation${clients}P95Ms`,
          value: round(percentile(l, 95)),
          unit: 'ms',
          budget: clients === 50 ? 100 : null,
          what: `${what}, p95`,
        });
      }
    } catch (error) {
      log(
        `collab: the figures across two instances were not measured (${error instanceof Error ? error.message : String(error)})`,
      );
    }

    // Memory: a fresh instance, 20 open drafts with one client each, then 100 clients on one draft.
    const mem = await instance();
    instances.push(mem);
    const pid = mem.process.child.pid ?? 0;
    const drafts: SharedDraft[] = [];
    for (let i = 0; i < 20; i++) drafts.push(await share(mem.url));
    await new Promise((r) => setTimeout(r, 1500));
    const idle = rssKb(pid);
    const perDocument = await Promise.all(drafts.map((d) => open(mem.url, d)));
    await new Promise((r) => setTimeout(r, 1500));
    const withDocuments = rssKb(pid);
    const crowd: OpenedDraft[] = [];
    for (let i = 0; i < 100; i++) crowd.push(await open(mem.url, drafts[0]!));
    await new Promise((r) => setTimeout(r, 1500));
    const withClients = rssKb(pid);
    for (const c of [...perDocument, ...crowd]) c.close();
    figures.push({
      key: 'collab.serverMemoryPerDocumentKb',
      value: round((withDocuments - idle) / 20),
      unit: 'KB',
      budget: null,
      what: 'server resident memory per open 150-paragraph draft (20 drafts, one client each)',
    });
    figures.push({
      key: 'collab.serverMemoryPerClientKb',
      value: round((withClients - withDocuments) / 100),
      unit: 'KB',
      budget: null,
      what: 'server resident memory per further client on one draft (100 clients)',
    });

    // Load time of a 150-paragraph shared draft into a client's editor.
    const draft = await share(one.url);
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      const client = await connectEditor(one.url, draft.document, draft.tokens.observer);
      const paragraphs = client.editor
        .getEditorState()
        .read(() => client.editor.getEditorState()._nodeMap.size);
      times.push(performance.now() - t0);
      client.close();
      if (paragraphs < 150) throw new Error(`the shared draft arrived with ${paragraphs} nodes`);
    }
    times.sort((x, y) => x - y);
    figures.push({
      key: 'collab.loadSharedDraftMs',
      value: round(median(times)),
      unit: 'ms',
      budget: 1000,
      what: 'load a 150-paragraph shared draft into a client editor: connect, sync, lay out (median of 10)',
      spread: [round(times[0]!), round(times.at(-1)!)],
    });
  } finally {
    for (const i of instances) await stop(i);
    if (redis) await redis.stop();
    if (postgres) await stopPostgres(postgres);
  }
  return figures;
}
