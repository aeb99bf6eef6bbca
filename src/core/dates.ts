/**
 * Calendar dates as ISO strings (`YYYY-MM-DD`), without time zone and without the clock.
 *
 * Date policy (written down because the texts are silent):
 * - The n-th anniversary of a contract is the same month and day n years after signature.
 *   A contract signed on 29 February has its anniversary on 28 February in common years
 *   and on 29 February in leap years (end-of-month clamp, computed from the signing date
 *   each time, never chained).
 * - "Within n months after" a date ends on the same day n months later, clamped to the last
 *   day of that month: 31 January + 1 month = 28 (or 29) February.
 * - A contract year runs from one anniversary to the day before the next.
 * @internal
 */

/** An ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

/** Earliest and latest dates the library accepts (documented input bounds). @internal */
const MIN_YEAR = 2000;
/** @internal */
const MAX_YEAR = 2199;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days of each month of a common year, January first. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const digit = (date: IsoDate, i: number) => date.charCodeAt(i) - 48;

/** The parts of a date already validated at the boundary (YYYY-MM-DD), read digit by digit. */
function parts(date: IsoDate): Ymd {
  return {
    y: digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3),
    m: digit(date, 5) * 10 + digit(date, 6),
    d: digit(date, 8) * 10 + digit(date, 9),
  };
}

const two = (n: number) => (n < 10 ? `0${String(n)}` : String(n));

function format({ y, m, d }: Ymd): IsoDate {
  return `${String(y)}-${two(m)}-${two(d)}`;
}

/** Explains, in English and French, why a string is not an acceptable calendar date, or returns undefined. @internal */
export function dateProblem(value: string): { readonly en: string; readonly fr: string } | undefined {
  const match = ISO.exec(value);
  if (!match) return { en: 'expected a calendar date written YYYY-MM-DD', fr: 'date attendue au format AAAA-MM-JJ' };
  const y = Number(match[1]);
  const m = Number(match[2]);
  const d = Number(match[3]);
  if (y < MIN_YEAR || y > MAX_YEAR)
    return {
      en: `year must be between ${String(MIN_YEAR)} and ${String(MAX_YEAR)}`,
      fr: `l'année doit être comprise entre ${String(MIN_YEAR)} et ${String(MAX_YEAR)}`,
    };
  if (m < 1 || m > 12) return { en: 'month must be between 01 and 12', fr: 'le mois doit être compris entre 01 et 12' };
  if (d < 1 || d > daysInMonth(y, m))
    return { en: `${value} does not exist in the calendar`, fr: `le ${value} n'existe pas dans le calendrier` };
  return undefined;
}

/** The same month and day `years` later, clamped to the month's end (29 Feb → 28 Feb). @internal */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { y, m, d } = parts(date);
  return format({ y: y + years, m, d: Math.min(d, daysInMonth(y + years, m)) });
}

/** The same day `months` later, clamped to the month's end (31 Jan + 1 month → 28/29 Feb). @internal */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { y, m, d } = parts(date);
  const index = y * 12 + (m - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format({ y: ny, m: nm, d: Math.min(d, daysInMonth(ny, nm)) });
}

/** The date `days` later (negative: earlier). @internal */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { y, m, d } = parts(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return format({ y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() });
}

/** The day before `date`. @internal */
export function dayBefore(date: IsoDate): IsoDate {
  const { y, m, d } = parts(date);
  if (d > 1) return format({ y, m, d: d - 1 });
  return m > 1 ? format({ y, m: m - 1, d: daysInMonth(y, m - 1) }) : format({ y: y - 1, m: 12, d: 31 });
}

/** The last day of contract year `year` (from 1): the day before the year-th anniversary. @internal */
export function lastDayOfYear(signedOn: IsoDate, year: number): IsoDate {
  return dayBefore(addYears(signedOn, year));
}

/** The anniversaries of the last contract asked about: a contract's dates are computed once, whichever rule asks. */
let anniversariesOf: IsoDate | undefined;
const anniversaries = new Map<number, IsoDate>();

/** The n-th anniversary of a contract signed on `signedOn` (n = 0 is the signing date). @internal */
export function anniversary(signedOn: IsoDate, n: number): IsoDate {
  if (signedOn !== anniversariesOf) {
    anniversariesOf = signedOn;
    anniversaries.clear();
  }
  let date = anniversaries.get(n);
  if (date === undefined) {
    date = addYears(signedOn, n);
    anniversaries.set(n, date);
  }
  return date;
}
