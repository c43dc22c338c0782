/**
 * The instruments, resolutions and decisions the shipped report cites, read at build time
 * (vite.config.ts, `virtual:corpus-references`): what completion, the checks, the Help and the
 * templates offer and check references against. Kept apart from ./data.ts so that it loads with
 * them, after the first screen.
 */
import { references as shipped } from 'virtual:corpus-references';
import type { References } from '../core/references/types.ts';

export const references: References = shipped;
