/**
 * The command line and shared drafts, against a real server: `share` makes one and prints the issue's
 * JSON; `parse --shared` and `export --shared` read it as the app shows it, the Word file the same as
 * the source's own (read back through LibreOffice); bad input gets one sentence and exit status 2.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectEditor, removeDir, startTestServer, type TestServer } from '../server/harness.ts';
import { typeWord } from '../server/typing.ts';
import { soffice } from '../helpers/soffice.ts';
import { corpusReference } from '../../src/cli/sources.ts';
import { cli, cliJson } from './run.ts';

let server: TestServer;
const dir = mkdtempSync(join(tmpdir(), 'rd-cli-shared-'));

beforeAll(async () => {
  server = await startTestServer();
});

afterAll(async () => {
  await server.close();
  removeDir(server.dataDir);
  removeDir(dir);
});

interface Shared {
  document: string;
  url: string;
  tokens: { facilitator: string; observer: string; delegations: Record<string, string> };
}

describe('share, parse --shared, export --shared, compare --shared', () => {
  it('shares a corpus resolution and reads it back by any role, as the source reads', async () => {
    const shared = await cliJson<Shared>(
      'share',
      '6/3',
      '--server',
      server.url,
      '--delegations',
      'Mexico, Norway',
    );
    expect(Object.keys(shared).sort()).toEqual(['document', 'tokens', 'url']);
    expect(Object.keys(shared.tokens).sort()).toEqual(['delegations', 'facilitator', 'observer']);
    expect(Object.keys(shared.tokens.delegations)).toEqual(['Mexico', 'Norway']);
    expect(shared.url).toBe(
      `http://127.0.0.1:5173/#shared=${shared.document}&server=${encodeURIComponent(server.url)}&token=${shared.tokens.facilitator}`,
    );

    const address = `${server.url}/${shared.document}`;
    const direct = corpusReference('6/3');
    const fromShared = await cliJson<{ documents: { title: string; operative: unknown[] }[] }>(
      'parse',
      '--shared',
      address,
      '--token',
      shared.tokens.delegations.Norway ?? '',
    );
    expect(fromShared.documents).toHaveLength(1);
    expect(fromShared.documents[0]?.title).toBe(direct?.title);
    expect(fromShared.documents[0]?.operative.length).toBe(direct?.operative.length);

    // The Word file of the shared draft is the source's, as LibreOffice renders them.
    const sharedDocx = join(dir, 'shared.docx');
    const sourceDocx = join(dir, 'source.docx');
    const exported = await cliJson<{ out: string; bytes: number }>(
      'export',
      '--shared',
      address,
      '--token',
      shared.tokens.observer,
      '--out',
      sharedDocx,
    );
    expect(exported.out).toBe(sharedDocx);
    await cliJson('export', '6/3', '--out', sourceDocx);
    soffice(dir, 'txt:Text (encoded):UTF8', join(dir, 'txt'), [sharedDocx, sourceDocx]);
    const sharedText = readFileSync(join(dir, 'txt', 'shared.txt'), 'utf8');
    expect(sharedText).toContain('Resolution 6/3');
    expect(sharedText).toBe(readFileSync(join(dir, 'txt', 'source.txt'), 'utf8'));
  });

  it('compares a source with the shared draft as it is now: nothing changed, then the paragraph typed into', async () => {
    const shared = await cliJson<Shared>('share', '6/3', '--server', server.url, '--delegations', 'Mexico');
    const address = `${server.url}/${shared.document}`;
    const compare = () =>
      cliJson<{ changes: { type: string; draftLabel: string }[] }>(
        'compare',
        '6/3',
        '--shared',
        address,
        '--token',
        shared.tokens.observer,
        '--json',
      );
    expect((await compare()).changes.filter((c) => c.type !== 'unchanged')).toEqual([]);

    const facilitator = await connectEditor(server.url, shared.document, shared.tokens.facilitator);
    try {
      typeWord(facilitator.editor, 2, 'forthwith');
      await facilitator.flushed();
    } finally {
      facilitator.close();
    }
    const changed = (await compare()).changes.filter((c) => c.type !== 'unchanged');
    expect(changed.map((c) => [c.type, c.draftLabel])).toEqual([['changed', 'OP2']]);
    const text = await cli('compare', '6/3', '--shared', address, '--token', shared.tokens.observer);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('the shared draft');
    expect(text.stdout).toContain('forthwith');
  });

  it('refuses bad input with one sentence and exit status 2, and writes nothing', async () => {
    const cases: [string[], RegExp][] = [
      [['share', '6/3'], /--server ws:\/\/host:port is required/],
      [['share', '6/3', '--server', 'http://127.0.0.1:1'], /must start with ws:\/\/ or wss:\/\//],
      [['share', '6/3', '--server', 'ws://127.0.0.1:1'], /No server answers at ws:\/\/127\.0\.0\.1:1/],
      [['share', '6/3', '--server', server.url, '--delegations', 'Mexico,mexico'], /"mexico" is named twice/],
      [['parse', '--shared', 'ws://127.0.0.1:1/short'], /--shared needs the --token/],
      [['parse', '--shared', 'not a url', '--token', 'x'], /is not the address of a shared draft/],
      [
        ['parse', '--shared', `${server.url}/AAAAAAAAAAAAAAAA`, '--token', 'rd1.x.y'],
        /This link does not open this draft\./,
      ],
      [
        ['export', '--shared', `${server.url}/AAAAAAAAAAAAAAAA`, '--token', 'rd1.x.y'],
        /--out <file.docx> is required/,
      ],
      [['compare', '6/3', '6/4', '--shared', `${server.url}/AAAAAAAAAAAAAAAA`, '--token', 'x'], /usage: /],
      [['compare', '6/3', '--shared', `${server.url}/AAAAAAAAAAAAAAAA`], /--shared needs the --token/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stdout).toBe('');
    }
  });
});
