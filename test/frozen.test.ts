// Every result frozen all the way down, for each of the fixed cases of test/outputs.ts: each part
// of a result is frozen where it is built, so this check is what says none was forgotten.
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';
import { outputCases } from './outputs.js';

/** The path of the first part of a result that is not frozen, or undefined when it is frozen all the way down. */
function unfrozenPart(value: unknown, path = 'result'): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (!Object.isFrozen(value)) return path;
  for (const [key, part] of Object.entries(value)) {
    const found = unfrozenPart(part, `${path}.${key}`);
    if (found !== undefined) return found;
  }
  return undefined;
}

describe('every result of the library, frozen', () => {
  it('is frozen all the way down for each of the fixed cases, by the function and on the batch path with and without the trace (each part is frozen where it is built)', () => {
    const many = {
      checkEligibility: library.checkEligibilityMany,
      patientTargets: library.patientTargetsMany,
      aidSchedule: library.aidScheduleMany,
      settleYear: library.settleMany,
      contractLedger: library.contractLedgerMany,
    } as Record<string, (rows: unknown[], options: library.BatchOptions) => Iterable<library.BatchOutcome<library.ResultBase>>>;
    let checked = 0;
    for (const c of outputCases()) {
      let direct: unknown;
      try {
        direct = (library as unknown as Record<string, (input: unknown, options: unknown) => unknown>)[c.fn]?.(c.input, { lang: c.lang });
      } catch (e) {
        if (e instanceof library.RulesError) continue;
        throw e;
      }
      const batch = many[c.fn];
      const batched = batch === undefined ? [] : [true, false].flatMap((trace) => [...batch([c.input], { lang: c.lang, trace })]);
      for (const result of [direct, ...batched.map((o) => (o.ok ? o.result : undefined))])
        expect(unfrozenPart(result), c.id).toBeUndefined();
      checked += 1;
    }
    expect(checked).toBeGreaterThan(500); // the cases that give a result, of every function
  });
});
