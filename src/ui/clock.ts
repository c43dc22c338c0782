/**
 * Times and dates as the drafts list and the save status show them ("14:05", "14:05:09", "3 Dec"),
 * written by hand: the first `toLocaleTimeString` of a page loads the browser's locale data, about
 * 40 ms on the main thread, which was a tenth of the first screen's cold load. Same text as en-GB's.
 */
const pad = (n: number): string => String(n).padStart(2, '0');

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sept', 'Oct', 'Nov', 'Dec'];

/** "14:05", or "14:05:09" with seconds: local time, 24-hour clock. */
export function clockTime(date: Date, withSeconds = false): string {
  const hm = `${pad(date.getHours())}:${pad(date.getMinutes())}`;
  return withSeconds ? `${hm}:${pad(date.getSeconds())}` : hm;
}

/** "3 Dec": the local day and the month's short name. */
export function dayAndMonth(date: Date): string {
  return `${date.getDate()} ${MONTHS[date.getMonth()] ?? ''}`;
}
