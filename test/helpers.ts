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
