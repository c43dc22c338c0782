/**
 * Dates as UN documents print them: day month year, no commas, "19 October 2012"
 * (UN practice: citing resolutions).
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Matches a printed date anywhere in a pattern: "22 October 2010". */
export const PRINTED_DATE_SOURCE = `\\d{1,2} (?:${MONTHS.join('|')}) \\d{4}`;

const PRINTED_DATE = new RegExp(`^(\\d{1,2}) (${MONTHS.join('|')}) (\\d{4})$`);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "22 October 2010" → "2010-10-22"; undefined when the text is not a printed date. */
export function isoFromPrintedDate(text: string): string | undefined {
  const m = PRINTED_DATE.exec(text.trim().replace(/\s+/g, ' '));
  if (!m) return undefined;
  const month = MONTHS.indexOf(m[2] as (typeof MONTHS)[number]) + 1;
  return `${m[3]}-${String(month).padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
}

/** "2012-10-19" → "19 October 2012"; undefined when the text is not an ISO date. */
export function printedFromIsoDate(iso: string): string | undefined {
  const m = ISO_DATE.exec(iso);
  if (!m) return undefined;
  const month = MONTHS[Number(m[2]) - 1];
  if (month === undefined) return undefined;
  return `${Number(m[3])} ${month} ${m[1]}`;
}
