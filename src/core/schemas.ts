// Input validation at the boundary, with zod's tree-shakable functional API (zod/mini): every
// public input is checked here and a failure becomes a RulesError with the path of each field.
import * as z from 'zod/mini';
import { dateProblem } from './dates.js';
import { raise } from './errors.js';
import { fastLeaf, fastParse, UNSURE } from './fastparse.js';
import { readInput } from './input.js';

/**
 * A schema message in English and in French. zod carries one string per issue: the two are
 * joined by a separator no input can put there, and split again when the error is raised.
 * @internal
 */
export function bi(en: string, fr: string): string {
  return `${en}${SEPARATOR}${fr}`;
}

const SEPARATOR = '\u0000';
const REQUIRED = bi('this field is required', 'ce champ est obligatoire');

/** The English and French halves of a schema message (a message without French is its own French). */
function halves(message: string): readonly [string, string] {
  const at = message.indexOf(SEPARATOR);
  return at < 0 ? [message, message] : [message.slice(0, at), message.slice(at + SEPARATOR.length)];
}

/** A type error message that says "required" when the field is missing, `message` otherwise. @internal */
export function expected(message: string): { error: (issue: { input?: unknown }) => string } {
  return { error: (issue) => (issue.input === undefined ? REQUIRED : message) };
}

/**
 * Input bounds (documented in the README): patient counts and percentile values are at most
 * {@link MAX_COUNT}; money at most 999 999 999.99; dates between 2000-01-01 and 2199-12-31.
 * @internal
 */
const MAX_COUNT = 1_000_000;

/** @internal */
const DATE_STRING = bi('expected a date string YYYY-MM-DD', 'date attendue au format AAAA-MM-JJ');

/** @internal */
export const isoDate = /* @__PURE__ */ fastLeaf(
  z.string(expected(DATE_STRING)).check(
    z.maxLength(10, DATE_STRING),
    z.regex(/^\d{4}-\d{2}-\d{2}$/, bi('expected a calendar date written YYYY-MM-DD', 'date attendue au format AAAA-MM-JJ')),
    z.superRefine((value, ctx) => {
      if (value.length !== 10) return; // the format check above has already spoken
      const problem = dateProblem(value);
      if (problem !== undefined) ctx.addIssue({ code: 'custom', message: bi(problem.en, problem.fr), input: value });
    }),
  ),
  (value) => typeof value === 'string' && dateProblem(value) === undefined,
);

/**
 * A whole number between `min` and `max`: the type error says whether the value is missing,
 * not a number, or not whole. @internal
 */
export function wholeNumber(
  what: { readonly en: string; readonly fr: string },
  min: number,
  max: number,
  messages: { readonly below: string; readonly above: string },
) {
  const schema = z
    .int({
      error: (issue: { input?: unknown }) =>
        issue.input === undefined
          ? REQUIRED
          : !Number.isFinite(issue.input) // false for anything but a finite number
            ? bi(`expected ${what.en}`, `${what.fr} attendu`)
            : Number.isInteger(issue.input)
              ? messages.above
              : bi(`${what.en} must be a whole number`, `${what.fr} doit être un nombre entier`),
    })
    .check(z.minimum(min, messages.below), z.maximum(max, messages.above));
  return fastLeaf(schema, (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max);
}

/** @internal */
export const patientCount = /* @__PURE__ */ wholeNumber({ en: 'a number of patients', fr: 'nombre de patients' }, 0, MAX_COUNT, {
  below: bi('a number of patients cannot be negative', 'un nombre de patients ne peut pas être négatif'),
  above: bi(`a number of patients must be at most ${String(MAX_COUNT)}`, `un nombre de patients est au plus ${String(MAX_COUNT)}`),
});

/** A contract year, from 1. @internal */
export const contractYear = /* @__PURE__ */ wholeNumber({ en: 'a contract year', fr: 'année de contrat' }, 1, 50, {
  below: bi('contract years start at 1', 'les années du contrat commencent à 1'),
  above: bi('contract year too large', 'année de contrat trop grande'),
});

/** A number of contract years, from 1 to 50. @internal */
export const yearCount = /* @__PURE__ */ wholeNumber({ en: 'a number of contract years', fr: "nombre d'années de contrat" }, 1, 50, {
  below: bi('at least 1 contract year', 'au moins 1 année de contrat'),
  above: bi('at most 50 contract years', 'au plus 50 années de contrat'),
});

/** A number from `min` to `max`, as the fast path tests it (NaN fails both comparisons). */
const within = (min: number, max: number) => (value: unknown) => typeof value === 'number' && value >= min && value <= max;

/** A percentile value: a non-negative number of patients (may be fractional in published tables). @internal */
export const percentileValue = /* @__PURE__ */ fastLeaf(
  z
    .number(expected(bi('expected a number of patients', 'nombre de patients attendu')))
    .check(
      z.minimum(0, bi('a percentile cannot be negative', 'un percentile ne peut pas être négatif')),
      z.maximum(MAX_COUNT, bi(`a percentile must be at most ${String(MAX_COUNT)}`, `un percentile est au plus ${String(MAX_COUNT)}`)),
    ),
  within(0, MAX_COUNT),
);

/** A share between 0 and 1 (e.g. 0.15 for 15 %). @internal */
export const share = /* @__PURE__ */ fastLeaf(
  z
    .number(expected(bi('expected a share between 0 and 1', 'part attendue entre 0 et 1')))
    .check(
      z.minimum(0, bi('a share cannot be negative', 'une part ne peut pas être négative')),
      z.maximum(1, bi('a share cannot exceed 1', 'une part ne peut pas dépasser 1')),
    ),
  within(0, 1),
);

/** A yes/no flag. @internal */
export const flag = /* @__PURE__ */ fastLeaf(
  z.boolean(expected(bi('expected true or false', 'true ou false attendu (oui ou non)'))),
  (value) => typeof value === 'boolean',
);

/** Exactly `value` (`message`: in English and French, from {@link bi}, said when it is anything else). @internal */
export function exactly<const T extends string>(value: T, message: string) {
  return z.literal(value, expected(message));
}

/** `'a', 'b' or 'c'`: the accepted values of a field, for messages. @internal */
export function quoted(values: readonly string[], or: string): string {
  const all = values.map((v) => `'${v}'`);
  const last = String(all.pop());
  return all.length === 0 ? last : `${all.join(', ')} ${or} ${last}`;
}

/** One of `values`, with the message listing them (`what`: the field's name, in English and French). @internal */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what?: { readonly en: string; readonly fr: string }) {
  const en = `expected ${quoted(values, 'or')}`;
  const fr = `valeur attendue : ${quoted(values, 'ou')}`;
  return z.enum(
    values as unknown as [T[number], ...T[number][]],
    expected(what ? bi(`unknown ${what.en}: ${en}`, `${what.fr} inconnu(e) : ${fr}`) : bi(en, fr)),
  );
}

const MONEY = /^\d{1,9}(\.\d{1,2})?$/;
const MONEY_MESSAGE = bi(
  'expected a non-negative amount in euros with at most two decimals, at most 999999999.99',
  'montant attendu en euros, positif ou nul, avec au plus deux décimales, au plus 999999999.99',
);

/**
 * Money given by the caller: a decimal string or a number with at most two decimals. A number is
 * read as JavaScript writes it (`String(value)`), so `1e21` or `-0.5` fails the same pattern as
 * a string would. @internal
 */
export const moneyInput = z.pipe(
  z.union(
    [
      z.string().check(z.maxLength(12, MONEY_MESSAGE), z.regex(MONEY, MONEY_MESSAGE)),
      // The bounds say in JSON Schema what the pattern says here.
      z.number().check(
        z.minimum(0, MONEY_MESSAGE),
        z.maximum(999_999_999.99, MONEY_MESSAGE),
        z.refine((value) => MONEY.test(String(value)), MONEY_MESSAGE),
      ),
    ],
    expected(
      bi(
        'expected an amount in euros (a decimal string such as "5250.00", or a number)',
        'montant en euros attendu (un texte décimal comme "5250.00", ou un nombre)',
      ),
    ),
  ),
  z.transform((value: string | number) => String(value)),
);

/**
 * The value at `path` in the copy of an input (for messages only): zod names the value it
 * refused, so every node above it is an object or a list of the copy.
 */
function valueAt(copy: unknown, path: readonly PropertyKey[]): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<PropertyKey, unknown>)[key], copy);
}

const KIND: Readonly<Record<'null' | 'array' | ReturnType<typeof kindName>, readonly [string, string]>> = {
  null: ['null', 'null'],
  array: ['an array', 'une liste'],
  object: ['an object', 'un objet'],
  string: ['a string', 'un texte'],
  number: ['a number', 'un nombre'],
  boolean: ['a boolean', 'un booléen'],
  bigint: ['a bigint', 'un bigint'],
  symbol: ['a symbol', 'un symbole'],
  function: ['a function', 'une fonction'],
  undefined: ['nothing', 'rien'],
};

/** What a type check asked for (zod's name of the type), in English and French with its agreement. */
const EXPECTED: Readonly<Partial<Record<string, readonly [string, string]>>> = {
  object: ['an object', 'un objet attendu'],
  array: ['an array', 'une liste attendue'],
  string: ['a string', 'un texte attendu'],
  number: ['a number', 'un nombre attendu'],
  boolean: ['a boolean', 'un booléen attendu'],
  record: ['an object', 'un objet attendu'],
};

/** The `typeof` of a value, typed. */
function kindName(value: unknown) {
  return typeof value;
}

function kindOf(value: unknown): readonly [string, string] {
  return KIND[value === null ? 'null' : Array.isArray(value) ? 'array' : kindName(value)];
}

/** zod/mini ships no message catalogue: its generic type issues are phrased here, in English and French. */
function message(issue: z.core.$ZodIssue, copy: unknown): readonly [string, string] {
  if (issue.code === 'unrecognized_keys')
    return [`unknown field(s): ${issue.keys.join(', ')}`, `champ(s) inconnu(s) : ${issue.keys.join(', ')}`];
  if (issue.code === 'invalid_type' && issue.message === 'Invalid input') {
    const value = valueAt(copy, issue.path);
    if (value === undefined) return halves(REQUIRED);
    const [en, fr] = kindOf(value);
    const [wanted, wantedFr] = EXPECTED[issue.expected] ?? [issue.expected, `${issue.expected} attendu`];
    return [`expected ${wanted}, received ${en}`, `${wantedFr}, reçu ${fr}`];
  }
  return halves(issue.message);
}

/**
 * Validates the own data of `input` against `schema` and returns the parsed value, or throws a
 * `RulesError('INVALID_INPUT')` listing every issue with its path. A valid input is parsed by the
 * fast path (`fastParse`); anything else is copied (`readInput`, which names what cannot be
 * read) and left to zod.
 * @internal
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown): z.output<S> {
  const fast = fastParse(schema, input);
  if (fast !== UNSURE) return fast as z.output<S>;
  const copy = readInput(input);
  const result = schema.safeParse(copy);
  if (result.success) return result.data;
  // Each issue once: two checks of one value may say the same (a whole number beyond the safe
  // integers is also above the maximum); a map keeps the place of a key's first issue.
  const said = new Map<string, { path: (string | number)[]; message: string; fr: string }>();
  for (const issue of result.error.issues) {
    const [en, fr] = message(issue, copy);
    // The copy has no symbol keys (readInput leaves them out): every key of a path is a name or an index.
    const path = issue.path as (string | number)[];
    said.set(JSON.stringify([path, en]), { path, message: en, fr });
  }
  throw raise('INVALID_INPUT', [...said.values()]);
}
