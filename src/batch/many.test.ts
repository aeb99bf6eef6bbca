import { describe, expect, it } from 'vitest';
import {
  aidSchedule,
  aidScheduleMany,
  checkEligibility,
  checkEligibilityMany,
  patientTargets,
  patientTargetsMany,
  settleMany,
  settleYear,
} from '../index.js';
import { RulesError } from '../core/errors.js';

const settleRows = [
  {
    signedOn: '2023-09-01',
    option: 'half-time',
    tier: 'standard',
    year: 3,
    targets: { fileActive: { start: 1350, target: 1661 } },
    observed: { fileActive: 1400 },
  },
  { signedOn: '2023-02-30', option: 'half-time', year: 3 },
  {
    signedOn: '2024-09-01',
    option: 'full-time',
    tier: 'p90-p95',
    year: 4,
    targets: { fileActive: { start: 2000, target: 2300 } },
    observed: { fileActive: 2300 },
  },
] as const;

describe('batch path', () => {
  it('gives the same figures as the public function, row by row, and reports bad rows without stopping', () => {
    const outcomes = [...settleMany(settleRows as unknown as Parameters<typeof settleYear>[0][])];
    expect(outcomes.map((o) => [o.index, o.ok])).toEqual([
      [0, true],
      [1, false],
      [2, true],
    ]);
    const [first, second, third] = outcomes;
    if (!first?.ok || second?.ok !== false || !third?.ok) throw new Error('unexpected outcomes');
    const { trace, ...figures } = settleYear(settleRows[0]);
    expect(first.result).toEqual({ ...figures, trace: [] });
    expect(trace.length).toBeGreaterThan(5);
    expect(second.error).toMatchObject({ code: 'INVALID_INPUT', issues: [{ path: ['signedOn'] }] });
    expect(third.result.aidDue).toBe('26000.00');
  });

  it('builds traces on request', () => {
    const [out] = [...settleMany([settleRows[0]], { trace: true })];
    expect(out?.ok && out.result).toEqual(settleYear(settleRows[0]));
  });

  it('streams from an async iterable, one row at a time', async () => {
    let produced = 0;
    async function* rows() {
      for (let i = 0; i < 1000; i += 1) {
        await Promise.resolve();
        produced += 1;
        yield {
          signedOn: '2024-09-01',
          specialty: 'medecine-generale',
          option: 'half-time',
          patientele: { medecinTraitant: 800 + i, fileActive: 1500 },
        } as const;
      }
    }
    let seen = 0;
    for await (const out of patientTargetsMany(rows())) {
      expect(out.index).toBe(seen); // rows numbered from 0, in order
      seen += 1;
      expect(produced).toBe(seen); // the next row is not read before this one is handed over
      if (!out.ok) throw new Error(out.error.message);
    }
    expect(seen).toBe(1000);
  });

  it('refuses, in English or in French, what is not iterable, before any row', () => {
    for (const rows of [{}, 42, null, { length: 1, 0: settleRows[0] }]) {
      expect(() => settleMany(rows as never)).toThrow(RulesError);
      const inFrench = (() => {
        try {
          settleMany(rows as never, { lang: 'fr' });
        } catch (e) {
          return e as RulesError;
        }
        return undefined;
      })();
      expect(inFrench).toMatchObject({
        code: 'INVALID_INPUT',
        message: 'INVALID_INPUT : un lot prend un itérable de données (une liste, un générateur ou un flux)',
        issues: [{ path: [] }],
      });
    }
    try {
      settleMany({} as never);
    } catch (e) {
      expect((e as RulesError).message).toBe('INVALID_INPUT: a batch takes an iterable of inputs (an array, a generator or a stream)');
    }
  });

  it('covers the four functions', () => {
    const eligibility = {
      signedOn: '2023-09-01',
      specialty: 'medecine-generale',
      sector: 'secteur-1',
      patientele: { medecinTraitant: 776 },
    } as const;
    const schedule = { signedOn: '2023-09-01', option: 'half-time', tier: 'standard' } as const;
    const targets = {
      signedOn: '2023-09-01',
      specialty: 'medecine-generale',
      option: 'half-time',
      patientele: { medecinTraitant: 920, fileActive: 1350 },
    } as const;
    const strip = <T extends { trace: unknown }>(r: T) => ({ ...r, trace: [] });
    expect([...checkEligibilityMany([eligibility])][0]).toEqual({ index: 0, ok: true, result: strip(checkEligibility(eligibility)) });
    expect([...aidScheduleMany([schedule])][0]).toEqual({ index: 0, ok: true, result: strip(aidSchedule(schedule)) });
    expect([...patientTargetsMany([targets])][0]).toEqual({ index: 0, ok: true, result: strip(patientTargets(targets)) });
  });

  it('turns an input whose field cannot be read into a row error naming the field', () => {
    const hostile = {
      get signedOn(): string {
        throw new Error('boom');
      },
    };
    const [outcome] = [...settleMany([hostile as never])];
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', issues: [{ path: ['signedOn'], message: 'could not be read (boom)' }] },
    });
  });

  it('refuses what is not a batch with a RulesError, not a TypeError', () => {
    expect(() => settleMany(null as never)).toThrow(RulesError);
    expect(() => aidScheduleMany(42 as never)).toThrow('a batch takes an iterable of inputs');
  });
});
