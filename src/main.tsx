import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import './ui/styles/app.css';
import './ui/styles/page.css';

// The offline cache (public/sw.js): once opened online, the app opens again with the network cut.
if (import.meta.env.PROD && 'serviceWorker' in navigator)
  window.addEventListener(
    'load',
    () => void navigator.serviceWorker.register('./sw.js').catch(() => undefined),
  );

const container = document.getElementById('root');
if (container === null) {
  // index.html ships the #root element; without it there is nothing sensible to render into.
  throw new Error('Resolution Drafter: missing #root element in index.html');
}

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
