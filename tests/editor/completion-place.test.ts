/**
 * Where the completion menu goes (menuPlace): decided from the caret, the window and the last menu's
 * size, without laying the menu out. The browser test (completion.browser.test.ts) checks the places
 * on screen; these check the rules at the window's edges.
 */
import { describe, expect, it } from 'vitest';
import { menuPlace, type Caret } from '../../src/editor/plugins/completion/CompletionPlugin.tsx';

const viewport = { width: 1280, height: 800 };
const at = (top: number, left: number, scroll = { x: 0, y: 0 }): Caret => ({
  top,
  bottom: top + 20,
  left,
  viewport,
  scroll,
});

describe('the completion menu’s place', () => {
  it('goes below the line, from the caret, when the room below holds the last menu', () => {
    const place = menuPlace(at(200, 436.6), 300);
    expect(place).toMatchObject({ side: 'below', top: '224px', bottom: 'auto', left: '437px' });
    // Never taller than the room below (800 - 220 - 8).
    expect(place.maxHeight).toBe('min(22rem, 60vh, 572px)');
  });

  it('goes above the line, standing on it, when the room below would not hold it and above has more', () => {
    const place = menuPlace(at(600, 400), 300);
    expect(place).toMatchObject({ side: 'above', top: 'auto', bottom: '204px' });
    expect(place.maxHeight).toBe('min(22rem, 60vh, 592px)');
  });

  it('stays below, shortened to the room, when neither side holds it and below has more', () => {
    const small = { ...at(300, 400), viewport: { width: 1280, height: 700 } };
    const place = menuPlace(small, 500);
    expect(place.side).toBe('below');
    expect(place.maxHeight).toBe('min(22rem, 60vh, 372px)');
  });

  it('assumes the tallest menu before any has been shown', () => {
    // 352 px (22rem) do not fit in the 330 px below, and above has more room.
    expect(menuPlace(at(450, 100), null).side).toBe('above');
    expect(menuPlace(at(300, 100), null).side).toBe('below');
  });

  it('is moved in from the right edge by its own width, and never starts left of the window', () => {
    expect(menuPlace(at(200, 1200), null).translate).toBe('min(0px, calc(76px - 100%)) 0px');
    expect(menuPlace(at(200, -30), null).left).toBe('4px');
  });

  it('is placed from the document’s origin when the page has scrolled', () => {
    const below = menuPlace(at(200, 300, { x: 15, y: 400 }), 200);
    expect(below).toMatchObject({ top: '624px', left: '315px' });
    // Across, the room is the window's, whatever the scroll.
    expect(below.translate).toBe('min(0px, calc(976px - 100%)) 0px');
    const above = menuPlace(at(700, 300, { x: 0, y: 400 }), 200);
    expect(above.bottom).toBe(`${800 - 700 + 4 - 400}px`);
  });
});
