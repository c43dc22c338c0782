/**
 * One rule's page in the Help (issue 12): its name, what it checks, where it comes from, and an
 * example of the fault and its fix, with what the check says about the fault (the rule run on it).
 */
import { AUTHORITY_LABELS, exampleFindings, exampleView, type RuleHelp } from '../../core/rules/help.ts';
import type { LintContext } from '../../core/rules/types.ts';
import { RULES } from '../../core/rules/registry.ts';
import { severityLabel } from '../../editor/plugins/checks/summary.ts';
import { ExampleText } from './ExampleText.tsx';

export function RulePage({
  page,
  headingId,
  context,
}: {
  readonly page: RuleHelp;
  readonly headingId: string;
  readonly context: LintContext;
}) {
  const severity = RULES.find((r) => r.id === page.id)?.severity ?? 'warning';
  const findings = exampleFindings(page, context);
  return (
    <>
      <h3 id={headingId} className="help__heading">
        {page.title}
      </h3>
      <p className="help__meta">
        <span className={`checks__badge checks__badge--${severity}`}>{severityLabel(severity)}</span>
        <span>{AUTHORITY_LABELS[page.authority]}</span>
      </p>
      <h4 className="help__subheading">What it checks</h4>
      <p>{page.checks}</p>
      <h4 className="help__subheading">Example</h4>
      <div className="help-example">
        <figure className="help-example__case help-example__case--fault">
          <figcaption className="help-example__caption">Fault</figcaption>
          <ExampleText view={exampleView(page.fault)} />
          {findings.map((d, i) => (
            <p key={i} className="help-example__says">
              <span className="help-example__says-label">The check says:</span> {d.message}
            </p>
          ))}
        </figure>
        <figure className="help-example__case help-example__case--fix">
          <figcaption className="help-example__caption">Fix</figcaption>
          <ExampleText view={exampleView(page.fix)} />
          {findings[0]?.fix ? (
            <p className="help-example__says">
              <span className="help-example__says-label">Quick fix in the Checks panel:</span>{' '}
              {findings[0].fix.description}
            </p>
          ) : null}
        </figure>
      </div>
      <h4 className="help__subheading">Source</h4>
      <p>{page.source}</p>
      <p className="dialog__note">
        The check can be switched off for a draft in the Checks panel, under Rules.
      </p>
    </>
  );
}
