// Every output pinned (see test/outputs.ts). A change of any figure, date, message, warning,
// trace step or explanation fails here with the case's input and its new output; when the
// change is meant (a rule corrected, a message reworded), `npm run outputs:update` rewrites the
// lock and the diff of test/outputs.lock.json names the cases it moved.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as library from '../src/index.js';
import { digest, outputCases, render } from './outputs.js';

const LOCK = join(import.meta.dirname, 'outputs.lock.json');

describe('every output of the library, pinned', () => {
  it('gives, for each of the fixed cases, the output locked in test/outputs.lock.json', () => {
    const cases = outputCases();
    const now = Object.fromEntries(cases.map((c) => [c.id, digest(render(c))]));
    if (process.env.UPDATE_OUTPUTS === '1') writeFileSync(LOCK, `${JSON.stringify(now, null, 1)}\n`);
    const locked = JSON.parse(readFileSync(LOCK, 'utf8')) as Record<string, string>;
    expect(Object.keys(now)).toEqual(Object.keys(locked));
    const moved = cases.filter((c) => now[c.id] !== locked[c.id]);
    const first = moved[0];
    if (first !== undefined)
      expect.fail(
        `${String(moved.length)} output(s) changed: ${moved.map((c) => c.id).join(', ')}\n` +
          `first: ${first.fn}(${JSON.stringify(first.input)}, { lang: '${first.lang}' }) now gives\n${render(first)}`,
      );
  });

  it('covers every function, both contract kinds, both languages, results and errors', () => {
    const cases = outputCases();
    const outputs = cases.map((c) => ({ c, out: render(c) }));
    for (const fn of ['checkEligibility', 'patientTargets', 'aidSchedule', 'settleYear', 'contractLedger', 'compareContracts']) {
      const mine = outputs.filter((o) => o.c.fn === fn);
      expect(
        mine.some((o) => o.out.startsWith('{"error"')),
        `${fn}: an error`,
      ).toBe(true);
      expect(
        mine.some((o) => !o.out.startsWith('{"error"')),
        `${fn}: a result`,
      ).toBe(true);
      expect(new Set(mine.map((o) => o.c.lang)).size, `${fn}: both languages`).toBe(2);
    }
    const results = outputs
      .filter((o) => !o.out.startsWith('{"error"'))
      .map((o) => JSON.parse(o.out.split('\n')[0] ?? '') as { ruleSet: string; contract?: string });
    const ofContracts = results.filter((x) => x.contract !== undefined); // a comparison has neither
    expect(new Set(ofContracts.map((x) => x.ruleSet))).toEqual(
      new Set(['avenant-7-2019', 'reglement-arbitral-2023', 'convention-2024', 'collective-2026']),
    );
    expect(new Set(ofContracts.map((x) => x.contract))).toEqual(new Set(['individual', 'collective']));
  });

  it('gives the same outputs on the batch path, without the trace unless asked', () => {
    const many = {
      checkEligibility: library.checkEligibilityMany,
      patientTargets: library.patientTargetsMany,
      aidSchedule: library.aidScheduleMany,
      settleYear: library.settleMany,
      contractLedger: library.contractLedgerMany,
    } as Record<string, (rows: unknown[], options: library.BatchOptions) => Iterable<library.BatchOutcome<library.ResultBase>>>;
    let compared = 0;
    for (const c of outputCases()) {
      const batch = many[c.fn];
      if (batch === undefined) continue;
      const [traced] = [...batch([c.input], { lang: c.lang, trace: true })];
      const [bare] = [...batch([c.input], { lang: c.lang })];
      const single = render(c);
      if (single.startsWith('{"error"')) {
        const { code, message, issues } = JSON.parse(single) as library.BatchError;
        expect(traced).toEqual({ index: 0, ok: false, error: { code, message, issues } });
        expect(bare).toEqual(traced);
      } else {
        if (!traced?.ok || !bare?.ok) throw new Error(`${c.id}: the batch refused what the function accepts`);
        expect(JSON.stringify(traced.result)).toBe(JSON.stringify(CALL[c.fn]?.(c.input, { lang: c.lang })));
        expect(JSON.stringify(bare.result)).toBe(JSON.stringify({ ...traced.result, trace: [] }));
      }
      compared += 1;
    }
    expect(compared).toBeGreaterThan(700);
  });
});

const CALL = {
  checkEligibility: library.checkEligibility,
  patientTargets: library.patientTargets,
  aidSchedule: library.aidSchedule,
  settleYear: library.settleYear,
  contractLedger: library.contractLedger,
} as Record<string, (input: unknown, options: { lang: 'en' | 'fr' }) => unknown>;
