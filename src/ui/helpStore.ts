/**
 * The Help as shown: whether it is open and which page (issue 12). The top bar's Help button, F1,
 * Ctrl+/ and the Checks panel's "About this rule" all open it through here; the dialog reads it. Its
 * pages: the keyboard shortcuts, the editorial checks, and one page per rule (`ruleTopic`).
 */

export type HelpTopic = 'shortcuts' | 'checks' | `rule:${string}`;

export interface HelpState {
  readonly open: boolean;
  readonly topic: HelpTopic;
}

export interface HelpStore {
  getState(): HelpState;
  subscribe(listener: () => void): () => void;
  /** Opens the Help at `topic`, or at the page it showed last. */
  open(topic?: HelpTopic): void;
  /** Another page, the Help staying open. */
  show(topic: HelpTopic): void;
  close(): void;
}

/** The page of the rule with this id. */
export function ruleTopic(ruleId: string): HelpTopic {
  return `rule:${ruleId}`;
}

/** The rule a page is about, if it is a rule's page. */
export function topicRule(topic: HelpTopic): string | undefined {
  return topic.startsWith('rule:') ? topic.slice('rule:'.length) : undefined;
}

export function createHelpStore(initial: HelpTopic = 'shortcuts'): HelpStore {
  let state: HelpState = { open: false, topic: initial };
  const listeners = new Set<() => void>();
  const set = (next: HelpState): void => {
    if (next.open === state.open && next.topic === state.topic) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    open: (topic) => set({ open: true, topic: topic ?? state.topic }),
    show: (topic) => set({ ...state, topic }),
    close: () => set({ ...state, open: false }),
  };
}
