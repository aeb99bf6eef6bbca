import { expect } from 'vitest';
import { RulesError, type RulesErrorCode } from '../src/index.js';
import { localized } from '../src/core/errors.js';

/** Runs `fn`, expects a RulesError with `code` whose first issue is at `path`, and returns it. */
export function expectRulesError(fn: () => unknown, code: RulesErrorCode, path?: readonly (string | number)[]): RulesError {
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(RulesError);
  const error = caught as RulesError;
  expect(error.code).toBe(code);
  if (path !== undefined) expect(error.issues.map((i) => i.path)).toContainEqual(path);
  return error;
}

/**
 * What a call gives in English and in French, as a reader sees it: its result passed through
 * `view`, or the message of the `RulesError` it raises. Any other error is a crash, not an
 * answer: it fails the test instead of being recorded.
 */
export function inBothLanguages(call: (options: { lang: 'en' | 'fr' }) => unknown, view: (result: unknown) => unknown = (r) => r) {
  const answer = (lang: 'en' | 'fr') => {
    try {
      return view(call({ lang }));
    } catch (e) {
      if (!(e instanceof RulesError)) throw e;
      return { error: e.message };
    }
  };
  return { en: answer('en'), fr: answer('fr') };
}

/** One issue of a `RulesError`: its path, and its message in English and in French. */
export interface IssueInBothLanguages {
  readonly path: readonly (string | number)[];
  readonly en: string;
  readonly fr: string;
}

/**
 * The code and every issue of the `RulesError` that `call` raises, each in English and in French
 * (`localized`). A call that raises nothing, or anything else, fails the test.
 */
export function issuesInBothLanguages(call: () => unknown): { code: RulesErrorCode; issues: IssueInBothLanguages[] } {
  try {
    call();
  } catch (e) {
    if (!(e instanceof RulesError)) throw e;
    const fr = localized(e, 'fr') as RulesError;
    return { code: e.code, issues: e.issues.map((issue, n) => ({ path: issue.path, en: issue.message, fr: fr.issues[n]?.message ?? '' })) };
  }
  throw new Error('no error raised');
}
