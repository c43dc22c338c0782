/**
 * ARCHITECTURE.md convention 1: src/core never imports React or Lexical (nor Node's file system, nor
 * the layers above it). The ESLint rule is the guard; this checks the guard bites.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('the core boundary', () => {
  it.each([
    ["import { useState } from 'react';\nexport const x = useState;"],
    ["import { $getRoot } from 'lexical';\nexport const x = $getRoot;"],
    ["import { createHeadlessEditor } from '@lexical/headless';\nexport const x = createHeadlessEditor;"],
    ["import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ["import { x } from '../../editor/bridge/export.ts';\nexport const y = x;"],
  ])('refuses in src/core: %s', async (code) => {
    expect(await restrictedImports(code, 'src/core/model/example.ts')).toHaveLength(1);
  });

  it('allows the same imports outside the core', async () => {
    expect(
      await restrictedImports(
        "import { $getRoot } from 'lexical';\nexport const x = $getRoot;",
        'src/editor/example.ts',
      ),
    ).toEqual([]);
  });

  it('allows the core to import itself', async () => {
    expect(
      await restrictedImports(
        "import { inlineText } from '../model/inline.ts';\nexport const x = inlineText;",
        'src/core/parse/example.ts',
      ),
    ).toEqual([]);
  });
});
