/**
 * Which rules a draft has switched off (issue 6: "rules are configurable per draft"). The model's
 * `Metadata` has no field for them, and they are the drafter's preference rather than part of the text
 * (an exported .docx or .resolution.json need not carry them), so they are kept in localStorage per
 * draft id; without an id (a draft not yet wired in), under one key for every draft.
 * A missing or unreadable entry means every rule is on; storage that refuses (private mode, quota)
 * loses nothing but the preference.
 */
import { RULE_CATALOG } from '../../../core/rules/catalog.ts';

const PREFIX = 'resolution-drafter:checks:disabled';

export type SwitchStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export function switchesKey(draftId: string | undefined): string {
  return draftId ? `${PREFIX}:${draftId}` : PREFIX;
}

/** The browser's localStorage, or null where it cannot be used. */
export function browserSwitchStorage(): SwitchStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** The ids of the rules switched off for the draft; unknown ids (a rule since removed) are dropped. */
export function readDisabledRules(storage: SwitchStorage | null, draftId: string | undefined): string[] {
  if (!storage) return [];
  try {
    const raw = storage.getItem(switchesKey(draftId));
    if (raw === null) return [];
    const parsed: unknown = JSON.parse(raw);
    if (!Array.isArray(parsed)) return [];
    const known = new Set(RULE_CATALOG.map((r) => r.id));
    return parsed.filter((id): id is string => typeof id === 'string' && known.has(id));
  } catch {
    return [];
  }
}

export function writeDisabledRules(
  storage: SwitchStorage | null,
  draftId: string | undefined,
  disabled: readonly string[],
): void {
  if (!storage) return;
  try {
    if (disabled.length === 0) storage.removeItem(switchesKey(draftId));
    else storage.setItem(switchesKey(draftId), JSON.stringify([...new Set(disabled)].sort()));
  } catch {
    // Storage refused: the switch holds for this session only.
  }
}
