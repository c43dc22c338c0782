/**
 * useStore (src/ui/useStore.ts) in Chromium, on Preact as the app runs it: a store's change made before
 * the first frame is drawn in that frame.
 */
import { createElement, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import { useStore } from '../../src/ui/useStore.ts';

/** A minimal plain store: a value, set from outside, and its listeners. */
function createValueStore(initial: string) {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => value,
    subscribe: (listener: () => void) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    set: (next: string) => {
      value = next;
      for (const listener of listeners) listener();
    },
    listeners: () => listeners.size,
  };
}

const containers: HTMLElement[] = [];
afterEach(() => {
  for (const c of containers.splice(0)) c.remove();
});

function mount(): { container: HTMLElement; root: ReturnType<typeof createRoot> } {
  const container = document.createElement('div');
  document.body.append(container);
  containers.push(container);
  return { container, root: createRoot(container) };
}

/** The next frame's animation callbacks: after them the browser draws what the page holds. */
const beforeNextPaint = (): Promise<void> => new Promise((resolve) => requestAnimationFrame(() => resolve()));

describe('useStore', () => {
  it('draws a change the store made after the render and before the first frame, in that frame', async () => {
    const store = createValueStore('Opening your drafts…');
    function View() {
      return createElement('p', null, useStore(store.subscribe, store.getState));
    }
    // As the workspace does: a layout effect starts the work, which changes the store a moment later.
    function Starter() {
      useLayoutEffect(() => {
        queueMicrotask(() => store.set('Draft resolution on trafficking in persons'));
      }, []);
      return null;
    }
    const { container, root } = mount();
    root.render(createElement('div', null, createElement(View), createElement(Starter)));
    await beforeNextPaint();
    expect(container.textContent).toBe('Draft resolution on trafficking in persons');
  });

  it('follows the store while mounted and lets go of it when unmounted', async () => {
    const store = createValueStore('one');
    let renders = 0;
    function View() {
      renders++;
      return createElement('p', null, useStore(store.subscribe, store.getState));
    }
    const { container, root } = mount();
    root.render(createElement(View));
    await beforeNextPaint();
    expect(container.textContent).toBe('one');
    expect(store.listeners()).toBe(1);
    const before = renders;
    store.set('two');
    await beforeNextPaint();
    expect(container.textContent).toBe('two');
    // A notification that changes nothing renders nothing.
    const after = renders;
    store.set('two');
    await beforeNextPaint();
    expect(renders).toBe(after);
    expect(after).toBeGreaterThan(before);
    root.unmount();
    expect(store.listeners()).toBe(0);
  });
});
