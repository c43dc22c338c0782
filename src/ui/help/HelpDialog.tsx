/**
 * The Help (issue 12): the keyboard shortcuts, the editorial checks, and a page for each rule with an
 * example of its fault and fix. Loaded when first opened (Workspace), so its pages weigh nothing on the
 * first screen. Which page shows is the help store's (helpStore.ts); this only draws it.
 *
 * Keyboard: the topics are a list of buttons; Up/Down (Home/End) move between them and show each page,
 * Tab goes on into the page; Escape closes. Opened at a rule's page ("About this rule"), the page
 * itself takes the focus, so a screen reader starts reading it.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { useStore } from '../useStore.ts';
import { RULE_HELP, ruleHelp } from '../../core/rules/help.ts';
import { createLintContext } from '../../core/rules/lint.ts';
import { lexicon } from '../data.ts';
import { references } from '../references.ts';
import { Dialog } from '../Dialog.tsx';
import { ruleTopic, topicRule, type HelpStore, type HelpTopic } from '../helpStore.ts';
import { SHORTCUTS } from '../shortcuts.ts';
import { RulePage } from './RulePage.tsx';
import '../styles/help.css';

const context = createLintContext(lexicon, references);

const TOPICS: readonly { readonly topic: HelpTopic; readonly label: string; readonly rule: boolean }[] = [
  { topic: 'shortcuts', label: 'Keyboard shortcuts', rule: false },
  { topic: 'checks', label: 'Editorial checks', rule: false },
  ...RULE_HELP.map((page) => ({ topic: ruleTopic(page.id), label: page.title, rule: true })),
];

export function HelpDialog({ store }: { readonly store: HelpStore }) {
  const { open, topic } = useStore(store.subscribe, store.getState);
  const headingId = useId();
  const pageRef = useRef<HTMLElement>(null);
  const navRef = useRef<HTMLUListElement>(null);
  const current = TOPICS.some((t) => t.topic === topic) ? topic : 'checks';

  // Opened at a rule's page: the page takes the focus (the dialog gave it to its Close button).
  useEffect(() => {
    if (open && topicRule(store.getState().topic) !== undefined) pageRef.current?.focus();
  }, [open, store]);

  const onNavKey = (event: KeyboardEvent<HTMLUListElement>): void => {
    const at = TOPICS.findIndex((t) => t.topic === current);
    const last = TOPICS.length - 1;
    const next =
      event.key === 'ArrowDown'
        ? Math.min(at + 1, last)
        : event.key === 'ArrowUp'
          ? Math.max(at - 1, 0)
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    const target = next === null ? undefined : TOPICS[next];
    if (!target) return;
    event.preventDefault();
    store.show(target.topic);
    navRef.current?.querySelectorAll<HTMLButtonElement>('.help__topic')[next ?? 0]?.focus();
  };

  const rulePage = ruleHelp(topicRule(current) ?? '');
  return (
    <Dialog title="Help" open={open} onClose={store.close} wide labelledBy={headingId}>
      <div className="help">
        <nav className="help__nav" aria-label="Help topics">
          <ul className="help__topics" ref={navRef} onKeyDown={onNavKey}>
            {TOPICS.map((t) => (
              <li key={t.topic}>
                <button
                  type="button"
                  className={t.rule ? 'help__topic help__topic--rule' : 'help__topic'}
                  aria-current={t.topic === current ? 'page' : undefined}
                  tabIndex={t.topic === current ? 0 : -1}
                  onClick={() => store.show(t.topic)}
                >
                  {t.label}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <article className="help__page" ref={pageRef} tabIndex={-1} aria-labelledby={headingId}>
          {rulePage ? (
            <RulePage key={rulePage.id} page={rulePage} headingId={headingId} context={context} />
          ) : current === 'shortcuts' ? (
            <ShortcutsPage headingId={headingId} />
          ) : (
            <ChecksPage headingId={headingId} onRule={(id) => store.show(ruleTopic(id))} />
          )}
        </article>
      </div>
    </Dialog>
  );
}

function ShortcutsPage({ headingId }: { readonly headingId: string }) {
  return (
    <>
      <h3 id={headingId} className="help__heading">
        Keyboard shortcuts
      </h3>
      <table className="shortcuts">
        <thead>
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Action</th>
            <th scope="col">Where</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.action}</td>
              <td>{s.where}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="dialog__note">
        Drafts save themselves in this browser within a second of every change. Nothing leaves this computer.
      </p>
    </>
  );
}

function ChecksPage({
  headingId,
  onRule,
}: {
  readonly headingId: string;
  readonly onRule: (id: string) => void;
}) {
  return (
    <>
      <h3 id={headingId} className="help__heading">
        Editorial checks
      </h3>
      <p>
        The draft is checked as you type against the rules UN resolutions are written by. Problems are
        underlined in the page and listed in the Checks panel: errors in red, warnings in amber, notes in
        blue. F8 and Shift+F8 go to the next and previous problem; Ctrl+. applies a quick fix where there is
        one. Each message names its rule; “About this rule” opens its page here.
      </p>
      <p>
        Most rules are those of the United Nations Editorial Manual; where the Manual is silent, the practice
        of the resolutions the Conference of the Parties adopted in 2012 (CTOC/COP/2012/15) is followed. Any
        rule can be switched off for a draft in the Checks panel, under Rules.
      </p>
      <ul className="help__rules">
        {RULE_HELP.map((page) => (
          <li key={page.id}>
            <button type="button" className="help__link" onClick={() => onRule(page.id)}>
              {page.title}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
