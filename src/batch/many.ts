import * as z from 'zod/mini';
import { RulesError, localized, raise, type RulesErrorCode, type RulesIssue } from '../core/errors.js';
import { flag, parseInput } from '../core/schemas.js';
import type { Lang } from '../core/trace.js';
import { langOption, recorder } from '../rules/call.js';
import type { Rec } from '../rules/lookup.js';
import { eligibilityCore, type EligibilityInput, type EligibilityResult } from '../eligibility/checkEligibility.js';
import type { CollectiveEligibilityInput, CollectiveEligibilityResult } from '../eligibility/collective.js';
import type { CollectiveScheduleInput, CollectiveScheduleResult } from '../schedule/collective.js';
import type { CollectiveSettleInput, CollectiveSettleResult } from '../settlement/collective.js';
import type { CollectiveTargetsInput, CollectiveTargetsResult } from '../targets/collective.js';
import { scheduleCore, type ScheduleInput, type ScheduleResult } from '../schedule/aidSchedule.js';
import { settleCore, type SettleInput, type SettleResult } from '../settlement/settleYear.js';
import { targetsCore, type TargetsInput, type TargetsResult } from '../targets/patientTargets.js';
import { ledgerCore, type LedgerInput, type LedgerResult } from '../ledger/contractLedger.js';

/** Options of the batch functions. */
export interface BatchOptions {
  /** Build each result's trace (default false: `trace` is empty, `warnings` are kept). */
  readonly trace?: boolean;
  /** The language of the results' warnings and details and of the rows' errors (see {@link CallOptions}). */
  readonly lang?: Lang;
}

/** The error of one row of a batch: what a `RulesError` carries, as plain data. */
export interface BatchError {
  /** The error code. */
  readonly code: RulesErrorCode;
  /** The message, naming the first faulty field. */
  readonly message: string;
  /** Every problem, each with the path of the faulty field in the row. */
  readonly issues: readonly RulesIssue[];
}

/** A row of a batch that gave a result. */
export interface BatchSuccess<R> {
  /** Position of the row in the batch, from 0. */
  readonly index: number;
  /** Discriminant. */
  readonly ok: true;
  /** The result, as the single-row function returns it (with an empty trace unless asked). */
  readonly result: R;
}

/** A row of a batch whose input was refused. */
export interface BatchFailure {
  /** Position of the row in the batch, from 0. */
  readonly index: number;
  /** Discriminant. */
  readonly ok: false;
  /** Why the row was refused. */
  readonly error: BatchError;
}

/** The outcome of one row of a batch: its result, or its error. */
export type BatchOutcome<R> = BatchSuccess<R> | BatchFailure;

type Core<R> = (input: unknown, rec: Rec) => R;

const optionsSchema = z.optional(z.strictObject({ trace: z.optional(flag), lang: langOption }));

function outcome<R>(core: Core<R>, row: unknown, index: number, trace: boolean, lang: Lang): BatchOutcome<R> {
  try {
    return { index, ok: true, result: core(row, recorder(trace, lang)) };
  } catch (raised) {
    const e = localized(raised, lang);
    // Stryker disable next-line ConditionalExpression: only a bug of the library raises anything else, and it is rethrown, never made a row error.
    if (!(e instanceof RulesError)) throw e;
    return { index, ok: false, error: { code: e.code, message: e.message, issues: e.issues } };
  }
}

function* syncRows<R>(core: Core<R>, rows: Iterable<unknown>, trace: boolean, lang: Lang): Generator<BatchOutcome<R>, void, undefined> {
  let index = 0;
  for (const row of rows) {
    yield outcome(core, row, index, trace, lang);
    index += 1;
  }
}

async function* asyncRows<R>(
  core: Core<R>,
  rows: AsyncIterable<unknown>,
  trace: boolean,
  lang: Lang,
): AsyncGenerator<BatchOutcome<R>, void, undefined> {
  let index = 0;
  for await (const row of rows) {
    yield outcome(core, row, index, trace, lang);
    index += 1;
  }
}

/** Whether rows already known to be an iterable object are asynchronous. */
function isAsync(rows: object): rows is AsyncIterable<unknown> {
  return Symbol.asyncIterator in rows;
}

function many<R>(core: Core<R>, rows: Iterable<unknown> | AsyncIterable<unknown>, options: BatchOptions | undefined) {
  const parsed = parseInput(optionsSchema, options);
  const trace = parsed?.trace === true;
  const lang = parsed?.lang ?? 'en';
  const given: unknown = rows;
  const iterable = typeof given === 'object' && given !== null && (Symbol.iterator in given || Symbol.asyncIterator in given);
  if (!iterable)
    throw localized(
      raise('INVALID_INPUT', [
        {
          path: [],
          message: 'a batch takes an iterable of inputs (an array, a generator or a stream)',
          fr: 'un lot prend un itérable de données (une liste, un générateur ou un flux)',
        },
      ]),
      lang,
    );
  return isAsync(rows) ? asyncRows(core, rows, trace, lang) : syncRows(core, rows, trace, lang);
}

/** A batch of rows, synchronous (an array, a generator) or asynchronous (a stream). */
export type BatchRows<I> = Iterable<I> | AsyncIterable<I>;
/** The outcomes of a batch: a generator of the same kind as the rows, one outcome per row. */
export type BatchOutcomes<Rs, R> =
  Rs extends AsyncIterable<unknown> ? AsyncGenerator<BatchOutcome<R>, void, undefined> : Generator<BatchOutcome<R>, void, undefined>;

/**
 * {@link checkEligibility} over many rows. Yields one outcome per row, in order, as it goes:
 * a row with bad input gives `{ ok: false, error }` and the batch goes on. Rows may be any
 * iterable (an array, a generator) or an async iterable (a stream); nothing is kept once yielded.
 * Traces are skipped unless `options.trace` is true.
 * @example
 * ```ts
 * for (const out of checkEligibilityMany(rows)) if (!out.ok) console.error(out.index, out.error.message);
 * ```
 */
export function checkEligibilityMany<Rs extends BatchRows<EligibilityInput | CollectiveEligibilityInput>>(
  rows: Rs,
  options?: BatchOptions,
): BatchOutcomes<Rs, EligibilityResult | CollectiveEligibilityResult> {
  return many(eligibilityCore, rows, options) as BatchOutcomes<Rs, EligibilityResult | CollectiveEligibilityResult>;
}

/** {@link aidSchedule} over many rows; see {@link checkEligibilityMany} for the batch contract. */
export function aidScheduleMany<Rs extends BatchRows<ScheduleInput | CollectiveScheduleInput>>(
  rows: Rs,
  options?: BatchOptions,
): BatchOutcomes<Rs, ScheduleResult | CollectiveScheduleResult> {
  return many(scheduleCore, rows, options) as BatchOutcomes<Rs, ScheduleResult | CollectiveScheduleResult>;
}

/** {@link patientTargets} over many rows; see {@link checkEligibilityMany} for the batch contract. */
export function patientTargetsMany<Rs extends BatchRows<TargetsInput | CollectiveTargetsInput>>(
  rows: Rs,
  options?: BatchOptions,
): BatchOutcomes<Rs, TargetsResult | CollectiveTargetsResult> {
  return many(targetsCore, rows, options) as BatchOutcomes<Rs, TargetsResult | CollectiveTargetsResult>;
}

/** {@link settleYear} over many rows; see {@link checkEligibilityMany} for the batch contract. */
export function settleMany<Rs extends BatchRows<SettleInput | CollectiveSettleInput>>(
  rows: Rs,
  options?: BatchOptions,
): BatchOutcomes<Rs, SettleResult | CollectiveSettleResult> {
  return many(settleCore, rows, options) as BatchOutcomes<Rs, SettleResult | CollectiveSettleResult>;
}

/** {@link contractLedger} over many contracts; see {@link checkEligibilityMany} for the batch contract. */
export function contractLedgerMany<Rs extends BatchRows<LedgerInput>>(rows: Rs, options?: BatchOptions): BatchOutcomes<Rs, LedgerResult> {
  return many(ledgerCore, rows, options) as BatchOutcomes<Rs, LedgerResult>;
}
