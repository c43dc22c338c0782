#!/usr/bin/env node
// The command line: runs src/cli/main.ts through tsx's loader, so the core is the same TypeScript
// the browser runs, with no separate build step. Importing main.ts runs nothing; main() runs this
// process's command (the tests run commands in their own process through execute(), tests/cli/run.ts).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
await main();
