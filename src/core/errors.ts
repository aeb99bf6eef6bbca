/**
 * One problem found in an input: where it is (`path`, the keys from the input's root)
 * and what is wrong with it.
 */
export interface RulesIssue {
  /** Keys from the root of the input to the faulty value, e.g. `['patientele', 'medecinTraitant']`. */
  readonly path: readonly (string | number)[];
  /** What is wrong, in one sentence. */
  readonly message: string;
}

/**
 * The codes a {@link RulesError} can carry.
 *
 * - `INVALID_INPUT`: a value has the wrong type or shape, is out of range, or a field is
 *   unknown (see `issues` for each path).
 * - `MISSING_INPUT`: the regime needs a fact the caller did not give (e.g. the group practice
 *   status under avenant 7, or a specialty's P30 the library does not know).
 * - `NO_RULE_SET`: the signing date falls under no regime the library encodes.
 * - `OPTION_NOT_OFFERED`: the regime does not offer the option for new contracts
 *   (e.g. one-third time after 2023-04-30).
 * - `YEAR_OUT_OF_RANGE`: a contract year below 1 or above the contract's length.
 * - `TARGET_BELOW_START`: a patient target lower than its starting value.
 * - `AMOUNT_UNAVAILABLE`: the rule table has no amount for the requested year and option.
 */
export type RulesErrorCode =
  | 'INVALID_INPUT'
  | 'MISSING_INPUT'
  | 'NO_RULE_SET'
  | 'OPTION_NOT_OFFERED'
  | 'YEAR_OUT_OF_RANGE'
  | 'TARGET_BELOW_START'
  | 'AMOUNT_UNAVAILABLE';

/** A text in English and in French. @internal */
export interface Text {
  readonly en: string;
  readonly fr: string;
}

/** A problem as the library raises it: the English message and its French wording. @internal */
export interface RaisedIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  readonly fr: string;
}

/** The French wording of each raised error's issues (kept apart: the public issue shape is unchanged). */
const FRENCH = new WeakMap<object, readonly string[]>();

/** The brand every `RulesError` carries, shared across copies of the library (ESM, CJS, bundles). */
const BRAND = Symbol.for('aide-assistant-medical.RulesError');

/**
 * The only error the library throws for bad input. It carries a machine-readable `code`
 * and the list of `issues`, each with the path of the faulty field.
 *
 * @example
 * ```ts
 * try {
 *   patientTargets({ ... });
 * } catch (e) {
 *   if (e instanceof RulesError) console.log(e.code, e.issues[0]?.path);
 * }
 * ```
 */
export class RulesError extends Error {
  /**
   * `error instanceof RulesError` holds for an error of any copy of the library loaded in the
   * same program (the ESM and CJS builds, a bundle): it checks the shared brand, not the class.
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[BRAND] === true;
  }

  /** Machine-readable category of the error. */
  readonly code: RulesErrorCode;
  /** Every problem found, each with the path of the faulty field. */
  readonly issues: readonly RulesIssue[];

  /**
   * @param code - the category of the error
   * @param issues - every problem found (at least one)
   */
  constructor(code: RulesErrorCode, issues: readonly RulesIssue[]) {
    super(headline(code, issues, false));
    this.name = 'RulesError';
    Object.defineProperty(this, BRAND, { value: true });
    this.code = code;
    this.issues = Object.freeze(issues.map((i) => Object.freeze({ path: Object.freeze([...i.path]), message: i.message })));
  }
}

/** The one-line message of an error: its code, where its first issue is, what it says, how many more. */
function headline(code: RulesErrorCode, issues: readonly RulesIssue[], fr: boolean): string {
  const first = issues[0];
  const where = first && first.path.length > 0 ? `${fr ? ' en ' : ' at '}${first.path.join('.')}` : '';
  const others = issues.length - 1;
  const more = others < 1 ? '' : fr ? ` (et ${String(others)} autre${others > 1 ? 's' : ''})` : ` (+${String(others)} more)`;
  return `${code}${where}${fr ? ' :' : ':'} ${first?.message ?? (fr ? 'donnée invalide' : 'invalid input')}${more}`;
}

/** A {@link RulesError} whose issues also carry their French wording. @internal */
export function raise(code: RulesErrorCode, issues: readonly RaisedIssue[]): RulesError {
  const error = new RulesError(code, issues);
  FRENCH.set(
    error,
    issues.map((i) => i.fr),
  );
  return error;
}

/**
 * The same error with each issue's path under `prefix`, the field the checked value came from
 * (a ledger year's facts are checked on their own, their paths start at the year). Any other
 * error is returned as it is. @internal
 */
export function within(error: unknown, prefix: readonly (string | number)[]): unknown {
  if (!(error instanceof RulesError)) return error;
  const fr = FRENCH.get(error);
  return raise(
    error.code,
    error.issues.map((issue, n) => ({ path: [...prefix, ...issue.path], message: issue.message, fr: fr?.[n] ?? issue.message })),
  );
}

/** Shorthand to throw a single-issue {@link RulesError}, with its message in English and in French. @internal */
export function fail(code: RulesErrorCode, path: readonly (string | number)[], message: string, fr: string): never {
  throw raise(code, [{ path, message, fr }]);
}

/**
 * The same error in `lang`: a French copy when French is asked and the error was raised by this
 * copy of the library; otherwise the error itself. @internal
 */
export function localized(error: unknown, lang: 'en' | 'fr'): unknown {
  if (lang === 'en' || !(error instanceof RulesError)) return error;
  const fr = FRENCH.get(error);
  if (fr === undefined) return error;
  const issues = error.issues.map((issue, n) => ({ path: issue.path, message: fr[n] ?? issue.message }));
  const copy = new RulesError(error.code, issues);
  copy.message = headline(error.code, issues, true);
  return copy;
}
