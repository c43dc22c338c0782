import { describe, expect, it } from 'vitest';
import { clockTime, dayAndMonth } from '../../src/ui/clock.ts';

// Every month, hours on both sides of noon and midnight, single-digit days and minutes.
const dates = Array.from(
  { length: 12 },
  (_, month) =>
    new Date(2026, month, 1 + ((month * 5) % 28), (month * 7) % 24, (month * 13) % 60, (month * 17) % 60),
);

describe('the clock of the drafts list and the save status', () => {
  it('writes the time as en-GB does, with and without seconds', () => {
    for (const d of dates) {
      expect(clockTime(d)).toBe(d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' }));
      expect(clockTime(d, true)).toBe(
        d.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' }),
      );
    }
  });

  it('writes the day and month as en-GB does', () => {
    for (const d of dates)
      expect(dayAndMonth(d)).toBe(d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short' }));
  });
});
