import { expect } from 'vitest';
import { RulesError, type RulesErrorCode } from '../src/index.js';

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
