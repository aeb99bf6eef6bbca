// Spreadsheet cell functions (Google Apps Script): an adapter over the public API. Each accepts
// plain cell values or whole ranges (one contract a row), returns numbers and text a sheet can
// show, and turns bad input into a readable message in the cell, never a script error.
import { aidScheduleMany, checkEligibilityMany, patientTargetsMany, settleMany, type BatchOutcome } from '../batch/many.js';
import type { EligibilityResult } from '../eligibility/checkEligibility.js';
import type { CollectiveEligibilityResult } from '../eligibility/collective.js';
import type { CollectiveScheduleResult } from '../schedule/collective.js';
import type { CollectiveTargetsResult } from '../targets/collective.js';
import type { ScheduleResult } from '../schedule/aidSchedule.js';
import type { SettleResult } from '../settlement/settleYear.js';
import type { TargetsResult } from '../targets/patientTargets.js';
import { frNumber, OPTION_FR } from '../rules/words.js';

/** A cell value as a sheet passes it. */
type Cell = string | number | boolean | Date | null | undefined;
/** A cell value or a range (2D array, one row per contract). */
type Arg = Cell | Cell[][];
type Row = Record<string, unknown>;
type Out = (string | number)[];

/** Whether a value is a Date, from this realm or another (the host may hand over either). */
function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** What Google Apps Script offers a script: the spreadsheet's time zone, and dates formatted in it. */
interface AppsScriptHost {
  readonly SpreadsheetApp?: { getActive(): { getSpreadsheetTimeZone(): string } | null };
  readonly Utilities?: { formatDate(date: Date, timeZone: string, format: string): string };
}

/**
 * The calendar date a date cell shows. Sheets hands a date cell over as the instant of its
 * midnight in the spreadsheet's time zone, which the script's own time zone may not share: the
 * date is read in the spreadsheet's time zone when Apps Script gives it, so that 22/06/2024 is
 * 2024-06-22 whatever the script's setting. Outside Apps Script, the local calendar date.
 */
function calendarDate(value: Date): string {
  const host = globalThis as AppsScriptHost;
  const zone = host.SpreadsheetApp?.getActive()?.getSpreadsheetTimeZone();
  if (zone !== undefined && host.Utilities) return host.Utilities.formatDate(value, zone, 'yyyy-MM-dd');
  return `${String(value.getFullYear())}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
}

/** A date cell (Date object or ISO text) as an ISO date; other values are passed on for validation. */
function date(value: Cell): unknown {
  if (isDate(value)) return Number.isNaN(value.getTime()) ? 'date invalide' : calendarDate(value);
  return text(value);
}

/** A text cell, trimmed; empty is absent. */
function text(value: Cell): unknown {
  if (value === '' || value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value.trim() : value;
}

/** A number cell; digits typed as text are read as a number; empty is absent. */
function number(value: Cell): unknown {
  const v = text(value);
  return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v) ? Number(v) : v;
}

/** Builds an object from entries, dropping absent values and empty nested objects. */
function compact(entries: Record<string, unknown>): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined) continue;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const inner = compact(value as Row);
      if (Object.keys(inner).length > 0) out[key] = inner;
    } else out[key] = value;
  }
  return out;
}

const empty = (c: Cell) => c === '' || c === null || c === undefined;

/**
 * The argument lists of the contracts: one per row when ranges are given, else one. A row is
 * blank when every range cell of it is empty (a plain value repeated on every row does not count).
 */
function rowsOf(args: readonly Arg[]): { cells: Cell[][]; blank: boolean[]; range: boolean } {
  const first = args[0];
  const onlyBlock = Array.isArray(first) && args.slice(1).every((a) => a === undefined || a === '') && (first[0]?.length ?? 0) > 1;
  if (onlyBlock) {
    const cells = first.map((row) => [...row]);
    return { cells, blank: cells.map((row) => row.every(empty)), range: true };
  }
  const height = Math.max(0, ...args.map((a) => (Array.isArray(a) ? a.length : 0)));
  if (height === 0) return { cells: [args.map((a) => a as Cell)], blank: [false], range: false };
  const column = (a: Arg, i: number) => (Array.isArray(a) ? a[i]?.[0] : a);
  return {
    cells: Array.from({ length: height }, (_, i) => args.map((a) => column(a, i))),
    blank: Array.from({ length: height }, (_, i) => args.every((a) => !Array.isArray(a) || empty(column(a, i)))),
    range: true,
  };
}

/** Cells speak French: results, warnings and errors. */
const FR = { lang: 'fr' } as const;

/** Runs a batch function over the rows and shapes the answer for a sheet. */
function cells<R>(
  args: readonly Arg[],
  toInput: (c: Cell[]) => Row,
  many: (rows: Row[]) => Iterable<BatchOutcome<R>>,
  toCells: (r: R) => Out,
  width: number,
): Out[] | string | number {
  const { cells: rows, blank, range } = rowsOf(args);
  const inputs = rows.map((r, i) => (blank[i] === true ? null : toInput(r)));
  const answers: Out[] = [];
  const outcomes = many(inputs.filter((i): i is Row => i !== null))[Symbol.iterator]();
  const empties = (n: number) => Array<string>(n).fill('');
  for (const input of inputs) {
    // The batch yields exactly one outcome per non-blank row, in order.
    const outcome = input === null ? undefined : (outcomes.next().value as BatchOutcome<R>);
    if (outcome === undefined) answers.push(empties(width));
    else answers.push(outcome.ok ? toCells(outcome.result) : [`ERREUR : ${outcome.error.message}`, ...empties(width - 1)]);
  }
  if (!range && width === 1) return answers[0]?.[0] ?? '';
  return answers;
}

const money = (amount: string | undefined): number | string => (amount === undefined ? '' : Number(amount));

/**
 * Eligibility: "eligible: half-time, full-time" or "not eligible: <the first condition not met>".
 * Avenant 7 also needs groupPractice, coordinatedPractice and zone.
 */
export function AM_ELIGIBLE(...args: Arg[]): Out[] | string | number {
  return cells(
    args,
    ([signedOn, specialty, sector, medecinTraitant, fileActive, p30, groupPractice, coordinatedPractice, zone]) =>
      compact({
        signedOn: date(signedOn),
        specialty: text(specialty),
        sector: text(sector),
        patientele: { medecinTraitant: number(medecinTraitant), fileActive: number(fileActive) },
        percentiles: { fileActive: { p30: number(p30) } },
        groupPractice: text(groupPractice),
        coordinatedPractice: text(coordinatedPractice),
        zone: text(zone),
      }),
    (rows) => checkEligibilityMany(rows as never, FR),
    (r: EligibilityResult) => [
      r.eligible
        ? `éligible : ${r.options.map((o) => OPTION_FR[o]).join(', ')}`
        : `non éligible : ${r.checks.find((c) => !c.passed && c.scope === 'doctor')?.detail ?? ''}`,
    ],
    1,
  );
}

/** Patient targets: [médecin traitant target, file active target] ('' where none). */
export function AM_TARGETS(...args: Arg[]): Out[] | string | number {
  return cells(
    args,
    ([signedOn, specialty, option, medecinTraitant, fileActive, p50]) =>
      compact({
        signedOn: date(signedOn),
        specialty: text(specialty),
        option: text(option),
        patientele: { medecinTraitant: number(medecinTraitant), fileActive: number(fileActive) },
        percentiles: { fileActive: { p50: number(p50) } },
      }),
    (rows) => patientTargetsMany(rows as never, FR),
    (r: TargetsResult) => [r.targets.medecinTraitant?.target ?? '', r.targets.fileActive?.target ?? ''],
    2,
  );
}

/** Aid schedule: the amount of `year`, or the five yearly amounts when `year` is empty. */
export function AM_SCHEDULE(...args: Arg[]): Out[] | string | number {
  const { cells: rows } = rowsOf(args);
  const yearly = rows.some((r) => text(r[3]) !== undefined);
  return cells(
    args,
    ([signedOn, option, tier, year]) => compact({ signedOn: date(signedOn), option: text(option), tier: text(tier), years: number(year) }),
    (rows) => aidScheduleMany(rows as never, FR),
    (r: ScheduleResult) => (yearly ? [money(r.years[r.years.length - 1]?.amount)] : r.years.map((y) => money(y.amount))),
    yearly ? 1 : 5,
  );
}

/** Settlement of a contract year: [aid due, balance] (a negative balance is to recover). */
export function AM_SETTLE(...args: Arg[]): Out[] | string | number {
  return cells(
    args,
    ([signedOn, option, tier, year, faStart, faTarget, faObserved, mtStart, mtTarget, mtObserved, advancePaid]) =>
      compact({
        signedOn: date(signedOn),
        option: text(option),
        tier: text(tier),
        year: number(year),
        targets: {
          fileActive: { start: number(faStart), target: number(faTarget) },
          medecinTraitant: { start: number(mtStart), target: number(mtTarget) },
        },
        observed: { fileActive: number(faObserved), medecinTraitant: number(mtObserved) },
        advancePaid: number(advancePaid),
      }),
    (rows) => settleMany(rows as never, FR),
    (r: SettleResult) => [money(r.aidDue), money(r.balance)],
    2,
  );
}

/** The members of a group from a range, one member a row; blank rows are skipped. */
function membersOf(range: Arg, toMember: (row: Cell[]) => Row): Row[] {
  const rows = Array.isArray(range) ? range : [[range]];
  return rows.filter((row) => !row.every(empty)).map((row) => toMember(row));
}

/** One answer for one group: the result's cells, or the error in the first cell. */
function groupCells<R>(input: Row, many: (rows: Row[]) => Iterable<BatchOutcome<R>>, toCells: (r: R) => Out): Out[] | string | number {
  for (const outcome of many([input])) {
    if (!outcome.ok) return `ERREUR : ${outcome.error.message}`;
    const out = toCells(outcome.result);
    return out.length === 1 ? (out[0] as string | number) : [out];
  }
  throw new Error('internal: a batch of one row gave no outcome');
}

/**
 * A group's collective contract: "eligible: at most N ETP" or "not eligible: <the first
 * condition not met>". Members: a range with one GP a row — id, sector, médecin traitant, file
 * active, hosts a docteur junior (TRUE/FALSE), MEP (TRUE/FALSE).
 */
export function AM_GROUP_ELIGIBLE(signedOn: Cell, structure: Cell, members: Arg, trainingSite?: Cell): Out[] | string | number {
  const input = compact({
    contract: 'collective',
    signedOn: date(signedOn),
    structure: text(structure),
    trainingSite: text(trainingSite),
    members: membersOf(members, ([id, sector, medecinTraitant, fileActive, hosts, mep]) =>
      compact({
        id: id === undefined || id === null ? undefined : String(id),
        specialty: 'medecine-generale',
        sector: text(sector),
        patientele: { medecinTraitant: number(medecinTraitant), fileActive: number(fileActive) },
        hostsDocteurJunior: text(hosts),
        mep: text(mep),
      }),
    ),
  });
  return groupCells(
    input,
    (rows) => checkEligibilityMany(rows as never, FR),
    (r) => {
      const g = r as CollectiveEligibilityResult;
      const failed = [...g.checks, ...g.members.flatMap((m) => m.checks)].find((c) => !c.passed);
      return [g.eligible ? `éligible : au plus ${frNumber(g.maxEtp)} ETP` : `non éligible : ${failed?.detail ?? ''}`];
    },
  );
}

/** A group's yearly aid for the ETP financed: the amount of `year`, or the five yearly amounts. */
export function AM_GROUP_SCHEDULE(signedOn: Cell, etp: Cell, year?: Cell): Out[] | string | number {
  const input = compact({ contract: 'collective', signedOn: date(signedOn), etp: number(etp), years: number(year) });
  const single = text(year) !== undefined;
  return groupCells(
    input,
    (rows) => aidScheduleMany(rows as never, FR),
    (r) => {
      const years = (r as CollectiveScheduleResult).years;
      return single ? [money(years[years.length - 1]?.amount)] : years.map((y) => money(y.amount));
    },
  );
}

/**
 * A group's targets for the ETP financed: [médecin traitant target, file active target].
 * Members: a range with one GP a row — id, médecin traitant, file active, and optionally the
 * médecin traitant and file active patients gained under an earlier individual contract.
 */
export function AM_GROUP_TARGETS(signedOn: Cell, etp: Cell, members: Arg): Out[] | string | number {
  const input = compact({
    contract: 'collective',
    signedOn: date(signedOn),
    etp: number(etp),
    members: membersOf(members, ([id, medecinTraitant, fileActive, gainedMt, gainedFa]) =>
      compact({
        id: id === undefined || id === null ? undefined : String(id),
        patientele: { medecinTraitant: number(medecinTraitant), fileActive: number(fileActive) },
        gainedUnderIndividualContract: { medecinTraitant: number(gainedMt), fileActive: number(gainedFa) },
      }),
    ),
  });
  return groupCells(
    input,
    (rows) => patientTargetsMany(rows as never, FR),
    (r) => {
      const t = (r as CollectiveTargetsResult).targets;
      return [t.medecinTraitant.target, t.fileActive.target];
    },
  );
}
