import * as z from 'zod';
import { dateProblem } from './dates.js';
import { RulesError } from './errors.js';
import { OPTIONS, PERCENTILE_KEYS, SECTORS, TIERS, type Option, type PercentileKey, type Sector, type Tier } from '../rules/types.js';
import { specialties } from '../rules/specialties.js';
import type { RuleSetId } from './trace.js';

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
export const isoDate = z
  .string(expected('expected a date string YYYY-MM-DD'))
  .max(10, 'expected a date string YYYY-MM-DD')
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a calendar date written YYYY-MM-DD')
  .superRefine((value, ctx) => {
    if (value.length !== 10) return; // the format check above has already spoken
    const problem = dateProblem(value);
    if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem });
  });

/** @internal */
export const patientCount = z
  .number(expected('expected a number of patients'))
  .int('a number of patients must be a whole number')
  .min(0, 'a number of patients cannot be negative')
  .max(MAX_COUNT, `a number of patients must be at most ${String(MAX_COUNT)}`);

/** A percentile value: a non-negative number of patients (may be fractional in published tables). @internal */
export const percentileValue = z
  .number(expected('expected a number of patients'))
  .min(0, 'a percentile cannot be negative')
  .max(MAX_COUNT, `a percentile must be at most ${String(MAX_COUNT)}`);

/** A share between 0 and 1 (e.g. 0.15 for 15 %). @internal */
export const share = z
  .number(expected('expected a share between 0 and 1'))
  .min(0, 'a share cannot be negative')
  .max(1, 'a share cannot exceed 1');

const MONEY = /^\d{1,9}(\.\d{1,2})?$/;
const MONEY_MESSAGE = 'expected a non-negative amount in euros with at most two decimals, at most 999999999.99';

/** Money given by the caller: a decimal string or a number with at most two decimals. @internal */
export const moneyInput = z
  .union(
    [z.string().max(12).regex(MONEY, MONEY_MESSAGE), z.number().min(0, MONEY_MESSAGE).max(999_999_999.99, MONEY_MESSAGE)],
    expected('expected an amount in euros (a decimal string such as "5250.00", or a number)'),
  )
  .superRefine((value, ctx) => {
    if (typeof value === 'number' && Number.isFinite(value) && !MONEY.test(String(value)))
      ctx.addIssue({ code: 'custom', message: MONEY_MESSAGE });
  })
  .transform((value) => (typeof value === 'number' ? String(value) : value));

/** @internal */
export const ruleSetId = z.enum(
  ['avenant-7-2019', 'reglement-arbitral-2023', 'convention-2024'] satisfies RuleSetId[],
  expected("unknown rule set: expected 'avenant-7-2019', 'reglement-arbitral-2023' or 'convention-2024'"),
);
/** @internal */
export const option = z.enum(
  OPTIONS as [Option, ...Option[]],
  expected("unknown option: expected 'one-third', 'half-time' or 'full-time'"),
);
/** @internal */
export const sector = z.enum(
  SECTORS as [Sector, ...Sector[]],
  expected("unknown sector: expected 'secteur-1', 'secteur-2-optam', 'secteur-2-optam-co' or 'secteur-2'"),
);
/** @internal */
export const tier = z.enum(TIERS as [Tier, ...Tier[]], expected("unknown tier: expected 'standard', 'p90-p95' or 'p95-plus'"));
/** @internal */
export const specialty = z.enum(specialties, expected('unknown specialty: see the exported `specialties` list'));

/** @internal */
const percentileValues = z.strictObject(
  Object.fromEntries(PERCENTILE_KEYS.map((k) => [k, percentileValue.optional()])) as Record<
    PercentileKey,
    z.ZodOptional<typeof percentileValue>
  >,
);

/** Caller-supplied reference values of the specialty's distribution, per measure. @internal */
export const percentiles = z.strictObject({
  medecinTraitant: percentileValues.optional(),
  fileActive: percentileValues.optional(),
});

/** The starting patientèle. @internal */
export const patientele = z.strictObject({
  medecinTraitant: patientCount.optional(),
  fileActive: patientCount.optional(),
});

/**
 * Validates `input` against `schema` and returns the parsed value, or throws a
 * `RulesError('INVALID_INPUT')` listing every issue with its path.
 * @internal
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new RulesError(
    'INVALID_INPUT',
    result.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'number' ? key : String(key))),
      message: issue.code === 'unrecognized_keys' ? `unknown field(s): ${issue.keys.join(', ')}` : issue.message,
    })),
  );
}
