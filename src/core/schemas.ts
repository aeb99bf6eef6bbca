// Input validation at the boundary, with zod's tree-shakable functional API (zod/mini): every
// public input is checked here and a failure becomes a RulesError with the path of each field.
import * as z from 'zod/mini';
import { dateProblem } from './dates.js';
import { RulesError } from './errors.js';
import { readInput } from './input.js';

/** A type error message that says "required" when the field is missing, `message` otherwise. @internal */
export function expected(message: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => (issue.input === undefined ? 'this field is required' : message) };
}

/**
 * Input bounds (documented in the README): patient counts and percentile values are at most
 * {@link MAX_COUNT}; money at most 999 999 999.99; dates between 2000-01-01 and 2199-12-31.
 * @internal
 */
const MAX_COUNT = 1_000_000;

/** @internal */
export const isoDate = z.string(expected('expected a date string YYYY-MM-DD')).check(
  z.maxLength(10, 'expected a date string YYYY-MM-DD'),
  z.regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a calendar date written YYYY-MM-DD'),
  z.superRefine((value, ctx) => {
    if (value.length !== 10) return; // the format check above has already spoken
    const problem = dateProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem, input: value });
  }),
);

/**
 * A whole number between `min` and `max`: the type error says whether the value is missing,
 * not a number, or not whole. @internal
 */
export function wholeNumber(what: string, min: number, max: number, messages: { readonly below: string; readonly above: string }) {
  return z
    .int({
      error: (issue: { input?: unknown }) =>
        issue.input === undefined
          ? 'this field is required'
          : typeof issue.input !== 'number' || !Number.isFinite(issue.input)
            ? `expected ${what}`
            : Number.isInteger(issue.input)
              ? messages.above
              : `${what} must be a whole number`,
    })
    .check(z.minimum(min, messages.below), z.maximum(max, messages.above));
}

/** @internal */
export const patientCount = wholeNumber('a number of patients', 0, MAX_COUNT, {
  below: 'a number of patients cannot be negative',
  above: `a number of patients must be at most ${String(MAX_COUNT)}`,
});

/** A contract year, from 1. @internal */
export const contractYear = wholeNumber('a contract year', 1, 50, { below: 'contract years start at 1', above: 'contract year too large' });

/** A percentile value: a non-negative number of patients (may be fractional in published tables). @internal */
export const percentileValue = z
  .number(expected('expected a number of patients'))
  .check(z.minimum(0, 'a percentile cannot be negative'), z.maximum(MAX_COUNT, `a percentile must be at most ${String(MAX_COUNT)}`));

/** A share between 0 and 1 (e.g. 0.15 for 15 %). @internal */
export const share = z
  .number(expected('expected a share between 0 and 1'))
  .check(z.minimum(0, 'a share cannot be negative'), z.maximum(1, 'a share cannot exceed 1'));

/** A yes/no flag. @internal */
export const flag = z.boolean(expected('expected true or false'));

/** One of `values`, with the message listing them. @internal */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, message?: string) {
  return z.enum(
    values as unknown as [T[number], ...T[number][]],
    expected(message ?? `expected ${values.map((v) => `'${v}'`).join(', ')}`),
  );
}

const MONEY = /^\d{1,9}(\.\d{1,2})?$/;
const MONEY_MESSAGE = 'expected a non-negative amount in euros with at most two decimals, at most 999999999.99';

/** Money given by the caller: a decimal string or a number with at most two decimals. @internal */
export const moneyInput = z.pipe(
  z
    .union(
      [
        z.string().check(z.maxLength(12, MONEY_MESSAGE), z.regex(MONEY, MONEY_MESSAGE)),
        z.number().check(z.minimum(0, MONEY_MESSAGE), z.maximum(999_999_999.99, MONEY_MESSAGE)),
      ],
      expected('expected an amount in euros (a decimal string such as "5250.00", or a number)'),
    )
    .check(
      z.superRefine((value, ctx) => {
        if (typeof value === 'number' && Number.isFinite(value) && !MONEY.test(String(value)))
          ctx.addIssue({ code: 'custom', message: MONEY_MESSAGE, input: value });
      }),
    ),
  z.transform((value: string | number) => (typeof value === 'number' ? String(value) : value)),
);

/** The value at `path` in `input` (for messages only). */
function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let node = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** zod/mini ships no message catalogue: its generic type issues are phrased here. */
function message(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && issue.message === 'Invalid input') {
    const value = valueAt(input, issue.path);
    return value === undefined
      ? 'this field is required'
      : `expected ${issue.expected === 'object' ? 'an object' : issue.expected}, received ${kindOf(value)}`;
  }
  return issue.message;
}

/**
 * Validates a copy of the own data of `input` (see `readInput`) against `schema` and returns
 * the parsed value, or throws a
 * `RulesError('INVALID_INPUT')` listing every issue with its path.
 * @internal
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(readInput(input));
  if (result.success) return result.data;
  throw new RulesError(
    'INVALID_INPUT',
    result.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      message: message(issue, input),
    })),
  );
}
