/** The editorial checks of the open draft (issue: checks as you type). Rendered inside the composer. */
export function ChecksPanel() {
  return <p className="panel__empty">Checks appear here.</p>;
}
