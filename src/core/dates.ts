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

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days of each month of a common year, January first. */
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeap(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

const digit = (date: IsoDate, i: number) => date.charCodeAt(i) - 48;

/** The places of the digits in `YYYY-MM-DD`; the others hold a dash. */
const DIGITS = [0, 1, 2, 3, 5, 6, 8, 9] as const;
const DASH = 45;

/** Whether `value` is written `YYYY-MM-DD` (ASCII digits; read without a regular expression, as every input date is). */
function written(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  for (const i of DIGITS) {
    const n = digit(value, i);
    if (n < 0 || n > 9) return false;
  }
  return true;
}

/** The year of a date already validated at the boundary (YYYY-MM-DD), read digit by digit. */
const yearOf = (date: IsoDate) => digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3);
/** Its month, from 1. */
const monthOf = (date: IsoDate) => digit(date, 5) * 10 + digit(date, 6);
/** Its day of the month. */
const dayOf = (date: IsoDate) => digit(date, 8) * 10 + digit(date, 9);

const two = (n: number) => (n < 10 ? `0${String(n)}` : String(n));

/** `-MM-DD` of each month (1 to 12) and day (1 to 31), at month × 32 + day: a date is written by one concatenation. */
const MONTH_DAY: readonly string[] = Array.from({ length: 13 * 32 }, (_, i) => `-${two(Math.floor(i / 32))}-${two(i % 32)}`);

/** The date of year `y` (2000 to 2199, so four digits), month `m` and day `d`. */
function format(y: number, m: number, d: number): IsoDate {
  return `${String(y)}${MONTH_DAY[m * 32 + d] as string}`;
}

/** Explains, in English and French, why a string is not an acceptable calendar date, or returns undefined. @internal */
export function dateProblem(value: string): { readonly en: string; readonly fr: string } | undefined {
  if (!written(value)) return { en: 'expected a calendar date written YYYY-MM-DD', fr: 'date attendue au format AAAA-MM-JJ' };
  const y = yearOf(value);
  const m = monthOf(value);
  const d = dayOf(value);
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
  const y = yearOf(date) + years;
  const m = monthOf(date);
  return format(y, m, Math.min(dayOf(date), daysInMonth(y, m)));
}

/** The same day `months` later, clamped to the month's end (31 Jan + 1 month → 28/29 Feb). @internal */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const index = yearOf(date) * 12 + (monthOf(date) - 1) + months;
  const ny = Math.floor(index / 12);
  const nm = (index % 12) + 1;
  return format(ny, nm, Math.min(dayOf(date), daysInMonth(ny, nm)));
}

/** The date `days` later (negative: earlier). @internal */
export function addDays(date: IsoDate, days: number): IsoDate {
  const t = new Date(Date.UTC(yearOf(date), monthOf(date) - 1, dayOf(date) + days));
  return format(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** The day before `date`. @internal */
export function dayBefore(date: IsoDate): IsoDate {
  return dayBeforeOf(yearOf(date), monthOf(date), dayOf(date));
}

/** The day before the date of year `y`, month `m` and day `d`. */
function dayBeforeOf(y: number, m: number, d: number): IsoDate {
  if (d > 1) return format(y, m, d - 1);
  return m > 1 ? format(y, m - 1, daysInMonth(y, m - 1)) : format(y - 1, 12, 31);
}

/** The last day of contract year `year` (from 1): the day before the year-th anniversary (not written out on the way). @internal */
export function lastDayOfYear(signedOn: IsoDate, year: number): IsoDate {
  const y = yearOf(signedOn) + year;
  const m = monthOf(signedOn);
  return dayBeforeOf(y, m, Math.min(dayOf(signedOn), daysInMonth(y, m)));
}

/** The n-th anniversary of a contract signed on `signedOn` (n = 0 is the signing date), computed from the signing date, never chained. @internal */
export function anniversary(signedOn: IsoDate, n: number): IsoDate {
  return addYears(signedOn, n);
}
