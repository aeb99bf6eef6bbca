import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';

interface Scenario {
  readonly name: string;
  readonly source: string;
  readonly input: unknown;
  readonly expect: unknown;
}

const dir = join(import.meta.dirname, 'golden');
const functions = {
  checkEligibility: library.checkEligibility,
  aidSchedule: library.aidSchedule,
  patientTargets: library.patientTargets,
  settleYear: library.settleYear,
} as Record<string, (input: unknown) => unknown>;

for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const suite = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { function: string; scenarios: Scenario[] };
  const run = functions[suite.function];
  describe(`golden ${file} (${suite.function})`, () => {
    it('names a known function and a source for every scenario', () => {
      expect(run).toBeTypeOf('function');
      for (const s of suite.scenarios) expect(s.source.length).toBeGreaterThan(5);
    });
    for (const scenario of suite.scenarios) {
      it(`${scenario.name} [${scenario.source}]`, () => {
        expect(run?.(scenario.input)).toMatchObject(scenario.expect as object);
      });
    }
  });
}
