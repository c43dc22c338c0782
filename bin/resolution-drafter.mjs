#!/usr/bin/env node
// The command line: runs src/cli/main.ts through tsx's loader, so the core is the same TypeScript
// the browser runs, with no separate build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
