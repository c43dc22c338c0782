/**
 * The editor's further plugins and panels, mounted inside the open draft's composer: completion,
 * footnotes and paste in the page, the footnote pane beside it.
 */
export function EditorExtras(_props: { readonly onMessage: (text: string) => void }) {
  return null;
}

export function PanelExtras({ which }: { readonly which: 'footnotes' }) {
  return which === 'footnotes' ? <p className="panel__empty">Footnotes appear at the foot of the page.</p> : null;
}
