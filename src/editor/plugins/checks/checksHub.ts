/**
 * Where the checks of one editor meet their views. The plugin (registerChecks.ts) lints and publishes;
 * the panel (ui/ChecksPanel.tsx), mounted elsewhere in the same composer, reads the published state
 * with `useSyncExternalStore` and asks for actions (fix, reveal, switch a rule). One hub per editor,
 * found through the editor itself, so neither needs props from the workspace.
 */
import type { LexicalEditor } from 'lexical';
import type { FootnoteRule } from '../../../core/model/types.ts';
import type { RuleDiagnostic } from '../../../core/rules/types.ts';
import { addressKey } from './locate.ts';

export interface ChecksState {
  /** A plugin is checking this editor (false in a read-only view, where no plugin runs). */
  readonly running: boolean;
  /** In reading order (`sortDiagnostics`). */
  readonly diagnostics: readonly RuleDiagnostic[];
  /** Ids of the rules switched off for this draft. */
  readonly disabled: readonly string[];
  /** The footnote rule in force: the draft's `metadata.footnoteRule`, else the current Editorial Manual. */
  readonly footnoteRule: FootnoteRule;
  /**
   * The last check: milliseconds taken to read the model and lint it, and to draw the underlines; how
   * many paragraphs were re-checked and how many taken from the linter's cache.
   */
  readonly last: {
    readonly ms: number;
    readonly drawMs: number;
    readonly checked: number;
    readonly reused: number;
  } | null;
}

/** What the plugin does for the panel. */
export interface ChecksActions {
  /** Applies the diagnostic's fix as one editor update; false when it no longer applies. */
  fix(diagnostic: RuleDiagnostic): boolean;
  /** Puts the caret on (selects) the diagnostic's range in the page and focuses the page. */
  reveal(diagnostic: RuleDiagnostic): void;
  /** Marks the diagnostic as the current one (shown behind the text, scrolled into view), or none. */
  preview(diagnostic: RuleDiagnostic | null): void;
  setRuleEnabled(ruleId: string, enabled: boolean): void;
}

const IDLE: ChecksState = {
  running: false,
  diagnostics: [],
  disabled: [],
  footnoteRule: 'current',
  last: null,
};

export class ChecksHub {
  private state: ChecksState = IDLE;
  private readonly listeners = new Set<() => void>();
  private actions: ChecksActions | null = null;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): ChecksState => this.state;

  publish(next: Partial<ChecksState>): void {
    this.state = { ...this.state, ...next };
    for (const listener of [...this.listeners]) listener();
  }

  /** Called by the plugin; returns the detach. */
  attach(actions: ChecksActions): () => void {
    this.actions = actions;
    return () => {
      if (this.actions !== actions) return;
      this.actions = null;
      this.state = IDLE;
      for (const listener of [...this.listeners]) listener();
    };
  }

  fix(diagnostic: RuleDiagnostic): boolean {
    return this.actions?.fix(diagnostic) ?? false;
  }

  reveal(diagnostic: RuleDiagnostic): void {
    this.actions?.reveal(diagnostic);
  }

  preview(diagnostic: RuleDiagnostic | null): void {
    this.actions?.preview(diagnostic);
  }

  setRuleEnabled(ruleId: string, enabled: boolean): void {
    this.actions?.setRuleEnabled(ruleId, enabled);
  }
}

const HUBS = new WeakMap<LexicalEditor, ChecksHub>();

export function checksHubOf(editor: LexicalEditor): ChecksHub {
  let hub = HUBS.get(editor);
  if (!hub) {
    hub = new ChecksHub();
    HUBS.set(editor, hub);
  }
  return hub;
}

/**
 * A diagnostic's identity across checks: the same rule, place and message. Used to keep the panel's
 * current item, and to find a clicked diagnostic again in a fresh check before fixing it.
 */
export function diagnosticKey(d: RuleDiagnostic): string {
  const range = d.location.range ? `${d.location.range.start}-${d.location.range.end}` : '';
  return `${d.rule}|${addressKey(d.location)}|${range}|${d.message}`;
}
