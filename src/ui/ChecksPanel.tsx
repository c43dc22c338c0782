/**
 * The editorial checks of the open draft (issue 6), rendered inside the composer: counts by severity,
 * the problems in reading order, a Fix for those with a quick fix, and the rule switches.
 *
 * The checking itself is the ChecksPlugin's (editor/plugins/checks): this panel only reads what it
 * publishes and asks it to act, so the underlines in the page work with the panel closed.
 *
 * Each problem leads to its rule's page in the Help ("About this rule"), as each rule switch does.
 *
 * Keyboard: in the list, Up/Down (Home/End) move between problems and show the current one in the page;
 * Enter puts the caret on it in the page; Tab reaches its Fix button and "About this rule"; Ctrl+. fixes
 * it; F1 opens its rule's page.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from './useStore.ts';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { RULE_CATALOG } from '../core/rules/catalog.ts';
import type { RuleDiagnostic } from '../core/rules/types.ts';
import { checksHubOf, diagnosticKey } from '../editor/plugins/checks/checksHub.ts';
import { locationLabel, severityLabel, severitySummary } from '../editor/plugins/checks/summary.ts';
import { ruleTopic, type HelpStore } from './helpStore.ts';
import './styles/checks.css';

const RULE_TITLES = new Map(RULE_CATALOG.map((rule) => [rule.id, rule.title]));

const FOOTNOTE_RULES = {
  current: 'current Editorial Manual (a source is footnoted once)',
  '2012': '2012 practice (a source is footnoted again at its first operative mention)',
} as const;

export function ChecksPanel({ help }: { readonly help?: HelpStore }) {
  const [editor] = useLexicalComposerContext();
  const hub = checksHubOf(editor);
  const state = useStore(hub.subscribe, hub.getState);
  const { diagnostics } = state;
  const [activeKey, setActiveKey] = useState<string | null>(null);
  /** After a fix, the position whose item takes the focus once the list is checked again. */
  const refocus = useRef<number | null>(null);
  const list = useRef<HTMLUListElement>(null);
  const summary = useRef<HTMLParagraphElement>(null);

  const found = activeKey === null ? -1 : diagnostics.findIndex((d) => diagnosticKey(d) === activeKey);
  const active = found >= 0 ? found : 0;

  const focusItem = (index: number): void => {
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.checks__go');
    buttons?.[index]?.focus();
  };

  useEffect(() => {
    const index = refocus.current;
    if (index === null) return;
    refocus.current = null;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('.checks__go');
    const target = buttons?.[Math.min(index, diagnostics.length - 1)];
    if (target) target.focus();
    else summary.current?.focus();
  }, [diagnostics]);

  // The current problem is shown in the page only while the list has the focus.
  useEffect(() => () => hub.preview(null), [hub]);

  const fix = (d: RuleDiagnostic, index: number): void => {
    refocus.current = index;
    if (!hub.fix(d)) refocus.current = null;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>): void => {
    const last = diagnostics.length - 1;
    let next: number | null = null;
    if (event.key === 'ArrowDown') next = Math.min(active + 1, last);
    else if (event.key === 'ArrowUp') next = Math.max(active - 1, 0);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = last;
    else if ((event.ctrlKey || event.metaKey) && event.key === '.') {
      const d = diagnostics[active];
      if (d?.fix) {
        event.preventDefault();
        fix(d, active);
      }
      return;
    } else if (event.key === 'Escape') {
      hub.preview(null);
      return;
    } else if (event.key === 'F1' && help) {
      const d = diagnostics[active];
      if (d) {
        event.preventDefault();
        help.open(ruleTopic(d.rule));
      }
      return;
    }
    if (next === null || last < 0) return;
    event.preventDefault();
    focusItem(next);
  };

  if (!state.running) {
    return (
      <p className="panel__empty">
        Checks run while a draft is being edited; they are off in this read-only view.
      </p>
    );
  }

  const disabled = new Set(state.disabled);
  return (
    <section
      className="checks"
      aria-label="Editorial checks"
      data-check-ms={state.last ? state.last.ms.toFixed(2) : undefined}
    >
      <p className="checks__summary" role="status" tabIndex={-1} ref={summary}>
        {severitySummary(diagnostics)}
      </p>
      {diagnostics.length > 0 ? (
        <ul className="checks__list" aria-label="Problems" ref={list} onKeyDown={onKeyDown}>
          {diagnostics.map((d, i) => {
            const key = diagnosticKey(d);
            const where = locationLabel(d.location);
            const tab = i === active ? 0 : -1;
            return (
              <li key={key} className={`checks__item checks__item--${d.severity}`} data-rule={d.rule}>
                <button
                  type="button"
                  className="checks__go"
                  tabIndex={tab}
                  aria-current={i === active ? 'true' : undefined}
                  title="Show in the page (Enter)"
                  onFocus={() => {
                    setActiveKey(key);
                    hub.preview(d);
                  }}
                  onBlur={() => hub.preview(null)}
                  onClick={() => hub.reveal(d)}
                >
                  <span className={`checks__badge checks__badge--${d.severity}`}>
                    {severityLabel(d.severity)}
                  </span>{' '}
                  <span className="checks__where">{where}</span>{' '}
                  <span className="checks__message">{d.message}</span>
                </button>
                {d.fix ? (
                  <button
                    type="button"
                    className="button button--small checks__fix"
                    tabIndex={tab}
                    title={`${d.fix.description} (Ctrl+.)`}
                    aria-label={`Fix ${where}: ${d.fix.description}`}
                    onClick={() => fix(d, i)}
                  >
                    Fix
                  </button>
                ) : null}
                {help ? (
                  <button
                    type="button"
                    className="checks__about"
                    tabIndex={tab}
                    title="The rule, with an example of the fault and its fix (F1)"
                    aria-label={`About this rule: ${RULE_TITLES.get(d.rule) ?? d.rule}`}
                    onClick={() => help.open(ruleTopic(d.rule))}
                  >
                    About this rule
                  </button>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      <details className="checks__rules">
        <summary>Rules{state.disabled.length > 0 ? ` (${state.disabled.length} off)` : ''}</summary>
        <p className="checks__note">
          Footnotes follow the {FOOTNOTE_RULES[state.footnoteRule]}; the rule is set in Details.
        </p>
        <ul className="checks__switches" aria-label="Rules checked in this draft">
          {RULE_CATALOG.map((rule) => (
            <li key={rule.id}>
              <label className="checks__switch">
                <input
                  type="checkbox"
                  checked={!disabled.has(rule.id)}
                  onChange={(e) => hub.setRuleEnabled(rule.id, e.target.checked)}
                />{' '}
                {rule.title}
              </label>
              {help ? (
                <button
                  type="button"
                  className="checks__about"
                  aria-label={`About this rule: ${rule.title}`}
                  onClick={() => help.open(ruleTopic(rule.id))}
                >
                  About
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
