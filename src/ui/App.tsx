import { SampleDraft } from './SampleDraft.tsx';

/**
 * The application shell: top bar, drafts sidebar and the page. A placeholder until the editor lands;
 * the page shows a static sample so the printed layout (DRAFTING-RULES.md section 8) can be judged.
 */
export function App() {
  return (
    <div className="shell">
      <header className="topbar">
        <span className="topbar__brand">Resolution Drafter</span>
        <span className="topbar__status">Preview</span>
      </header>
      <div className="workspace">
        <nav className="sidebar" aria-label="Drafts">
          <h2 className="sidebar__heading">Drafts</h2>
          <p className="sidebar__empty">No drafts yet. Drafts you create are kept in this browser only.</p>
        </nav>
        <main className="desk" aria-label="Draft workspace">
          <p className="desk__note" role="note">
            The editor comes next. Below is a static sample of the printed layout.
          </p>
          <SampleDraft />
        </main>
      </div>
    </div>
  );
}
