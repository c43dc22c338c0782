/** The agreed-language finder for the paragraph at the caret. Rendered inside the composer. */
export function PrecedentsPanel() {
  return <p className="panel__empty">Precedents for the paragraph at the caret appear here.</p>;
}
