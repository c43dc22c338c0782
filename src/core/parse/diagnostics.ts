/**
 * Expected trouble in input is a value, not an exception (ARCHITECTURE.md convention 6): readers
 * collect diagnostics and go on.
 */
export const DIAGNOSTIC_SEVERITIES = ['error', 'warning', 'info'] as const;
export type DiagnosticSeverity = (typeof DIAGNOSTIC_SEVERITIES)[number];

export interface Diagnostic {
  /** A stable identifier, e.g. "footnote-marker-missing". */
  readonly code: string;
  readonly severity: DiagnosticSeverity;
  readonly message: string;
  /** 1-based line in the input the diagnostic is about, where there is one. */
  readonly line?: number;
  /** The document it concerns, e.g. "resolution 6/2". */
  readonly document?: string;
}
