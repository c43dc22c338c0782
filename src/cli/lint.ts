/**
 * `lint <source> [--json]`: the editorial checks of issue 6 over one document — a corpus reference
 * ("6/3", "decision 6/1"), a plain-text resolution, a *.resolution.json file, a .docx, a PDF or a web
 * page (sources.ts).
 *
 * JSON (a public shape): {"diagnostics": [{rule, severity, message, location: {part, paragraph?,
 * subparagraph?, range?}, fix?}]}; `paragraph` is the 1-based position in the part, not the printed
 * number. Exit status 1 when there is an error, so the command can gate a script; 0 otherwise.
 */
import { buildLexicon } from '../core/lexicon/lexicon.ts';
import { deriveReferences } from '../core/references/derive.ts';
import { createLintContext, lintDocument } from '../core/rules/lint.ts';
import type { LintContext, RuleDiagnostic } from '../core/rules/types.ts';
import { addressLabel } from '../core/rules/units.ts';
import { loadCorpus } from './io.ts';
import { readOneDocumentAsync } from './sources.ts';

export interface LintCommandResult {
  readonly output: string;
  /** 1 when any diagnostic is an error. */
  readonly status: 0 | 1;
}

let contextCache: LintContext | undefined;
function context(): LintContext {
  const corpus = loadCorpus();
  contextCache ??= createLintContext(buildLexicon(corpus.documents), deriveReferences(corpus));
  return contextCache;
}

function readable(name: string, diagnostics: readonly RuleDiagnostic[]): string {
  const count = (severity: RuleDiagnostic['severity']): number =>
    diagnostics.filter((d) => d.severity === severity).length;
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  const head = `${name}: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${count('info')} info`;
  const lines = diagnostics.flatMap((d) => [
    `  ${addressLabel(d.location).padEnd(14)} ${d.severity.padEnd(7)} ${d.rule.padEnd(22)} ${d.message}`,
    ...(d.fix ? [`  ${''.padEnd(14)} ${''.padEnd(7)} ${''.padEnd(22)} fix: ${d.fix.description}`] : []),
  ]);
  return [head, ...(lines.length ? ['', ...lines] : [])].join('\n');
}

export async function lintCommand(source: string, json: boolean): Promise<LintCommandResult> {
  const doc = await readOneDocumentAsync(source);
  const diagnostics = lintDocument(doc, context());
  const status = diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  const name = doc.number === undefined ? source : `${doc.kind} ${doc.number}`;
  return {
    output: json ? JSON.stringify({ diagnostics }, null, 2) : readable(name, diagnostics),
    status,
  };
}
