// First: the early read of the draft opened last (storage/early.ts), when the page's own early script
// has not started it.
import './storage/early.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { installPrintView } from './ui/print/printView.ts';
import './ui/styles/app.css';
import './ui/styles/page.css';
import './ui/styles/print.css';

// The offline cache (public/sw.js): once opened online, the app opens again with the network cut.
// Installing it fetches every file of the app: registered once the page is idle after loading, so
// that it does not compete with the first draft opening.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  window.addEventListener('load', () => {
    const register = (): void => void navigator.serviceWorker.register('./sw.js').catch(() => undefined);
    if (typeof requestIdleCallback === 'function') requestIdleCallback(register, { timeout: 3000 });
    else setTimeout(register, 1000);
  });

const container = document.getElementById('root');
if (container === null) {
  // index.html ships the #root element; without it there is nothing sensible to render into.
  throw new Error('Resolution Drafter: missing #root element in index.html');
}

// "Print / Save as PDF" prints the draft as the UN prints it (A4 sheets, footnotes at their foot).
installPrintView();

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
