import fc from 'fast-check';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { RulesError, aidSchedule, checkEligibility, patientTargets, settleYear } from '../src/index.js';
import { fcParams } from './arbitraries.js';

const valid = {
  checkEligibility: { signedOn: '2023-09-01', specialty: 'medecine-generale', sector: 'secteur-1', patientele: { medecinTraitant: 900 } },
  aidSchedule: { signedOn: '2023-09-01', option: 'half-time', tier: 'standard' },
  patientTargets: {
    signedOn: '2023-09-01',
    specialty: 'medecine-generale',
    option: 'half-time',
    patientele: { medecinTraitant: 920, fileActive: 1350 },
  },
  settleYear: {
    signedOn: '2023-09-01',
    option: 'half-time',
    year: 3,
    targets: { fileActive: { start: 1, target: 2 } },
    observed: { fileActive: 2 },
  },
} as const;

const functions = { checkEligibility, aidSchedule, patientTargets, settleYear } as unknown as Record<
  keyof typeof valid,
  (input: unknown) => unknown
>;

/** Calls fn and returns what came out: 'ok', or the RulesError. Any other exception fails the test. */
function outcome(fn: (input: unknown) => unknown, input: unknown): 'ok' | RulesError {
  try {
    fn(input);
    return 'ok';
  } catch (e) {
    if (e instanceof RulesError) return e;
    throw e;
  }
}

describe.each(Object.keys(valid) as (keyof typeof valid)[])('%s under hostile input', (name) => {
  const fn = functions[name];
  const base = valid[name];

  it('accepts the valid base input', () => {
    expect(outcome(fn, base)).toBe('ok');
  });

  it('answers any JSON value with a result or a RulesError carrying paths', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const result = outcome(fn, value);
        if (result !== 'ok') expect(result.issues.length).toBeGreaterThan(0);
      }),
      fcParams,
    );
  });

  it('answers any value placed in any field with a result or a RulesError naming that field', () => {
    const keys = Object.keys(base);
    fc.assert(
      fc.property(
        fc.constantFrom(...keys, 'percentiles', 'zone', 'policy'),
        fc.anything({ withNullPrototype: true, withBigInt: true, withMap: true, withSet: true, withDate: true }),
        (key, value) => {
          const result = outcome(fn, { ...base, [key]: value });
          if (result !== 'ok') expect(result.issues.some((i) => i.path[0] === key || i.path.length === 0)).toBe(true);
        },
      ),
      fcParams,
    );
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'x'],
    ['an array', []],
    ['a number', 42],
  ])('rejects %s as the whole input', (_label, value) => {
    expect(outcome(fn, value)).toBeInstanceOf(RulesError);
  });

  it('rejects a __proto__ or constructor key as an unknown field, without polluting prototypes', () => {
    const polluted = JSON.parse(`{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}`) as object;
    const error = outcome(fn, { ...base, ...polluted });
    expect(error).toBeInstanceOf(RulesError);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a 10 MB string and a deeply nested object quickly', () => {
    const huge = 'x'.repeat(10 * 1024 * 1024);
    let deep: unknown = {};
    for (let i = 0; i < 10_000; i += 1) deep = { deep };
    const started = performance.now();
    expect(outcome(fn, { ...base, signedOn: huge })).toBeInstanceOf(RulesError);
    expect(outcome(fn, { ...base, signedOn: deep })).toBeInstanceOf(RulesError);
    expect(outcome(fn, { ...base, extra: deep })).toBeInstanceOf(RulesError);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it.each([
    ['an impossible date', { signedOn: '2023-02-30' }, ['signedOn']],
    ['a five-digit year', { signedOn: '99999-01-01' }, ['signedOn']],
    ['a date with a time', { signedOn: '2023-09-01T00:00:00Z' }, ['signedOn']],
    ['a Date object', { signedOn: new Date('2023-09-01') }, ['signedOn']],
    ['an unknown rule set', { ruleSet: 'avenant-9' }, ['ruleSet']],
    ['an extra field', { surprise: 1 }, []],
  ])('rejects %s', (_label, patch, path) => {
    const error = outcome(fn, { ...base, ...patch });
    expect(error).toBeInstanceOf(RulesError);
    expect((error as RulesError).code).toBe('INVALID_INPUT');
    expect((error as RulesError).issues.map((i) => i.path)).toContainEqual(path);
  });
});

describe('messages of structural errors', () => {
  it.each([
    [null, [], 'expected an object, received null'],
    ['x', [], 'expected an object, received a string'],
    [{ ...valid.patientTargets, patientele: 'lots' }, ['patientele'], 'expected an object, received a string'],
    [{ ...valid.patientTargets, percentiles: [] }, ['percentiles'], 'expected an object, received an array'],
    [{ signedOn: '2023-09-01', specialty: 'medecine-generale', option: 'half-time' }, ['patientele'], 'this field is required'],
  ])('says what was expected and what came: %j', (input, path, message) => {
    const error = outcome(patientTargets as (i: unknown) => unknown, input);
    expect(error).toBeInstanceOf(RulesError);
    expect((error as RulesError).issues).toContainEqual({ path, message });
  });
});

describe('patient counts', () => {
  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a negative count', -1],
    ['a fractional count', 920.5],
    ['a huge number', 1e300],
    ['a string', '920'],
  ])('rejects %s with the path of the field', (_label, value) => {
    const error = outcome(patientTargets as (i: unknown) => unknown, {
      ...valid.patientTargets,
      patientele: { medecinTraitant: value, fileActive: 1350 },
    });
    expect(error).toBeInstanceOf(RulesError);
    expect((error as RulesError).issues[0]?.path).toEqual(['patientele', 'medecinTraitant']);
  });

  it('rejects an unknown specialty and option', () => {
    const error = outcome(patientTargets as (i: unknown) => unknown, {
      ...valid.patientTargets,
      specialty: 'astrologie',
      option: 'quarter-time',
    });
    expect((error as RulesError).issues.map((i) => i.path)).toEqual([['specialty'], ['option']]);
  });
});

describe('own data only: what a caller owns, never what an object inherits or hides', () => {
  const valid = { signedOn: '2024-09-01', option: 'half-time', tier: 'standard' } as const;

  it('refuses an input that inherits its fields (Object.create of a valid input)', () => {
    const error = outcome(aidSchedule as (i: unknown) => unknown, Object.create(valid) as unknown);
    expect(error).toBeInstanceOf(RulesError);
    expect((error as RulesError).message).toContain('plain object');
  });

  it('refuses a non-enumerable field, a class instance and a Date where an object belongs, with their paths', () => {
    const hidden = { ...valid };
    Object.defineProperty(hidden, 'tier', { value: 'p95-plus', enumerable: false });
    expect((outcome(aidSchedule as (i: unknown) => unknown, hidden) as RulesError).issues[0]?.path).toEqual(['tier']);
    class Patientele {
      medecinTraitant = 900;
    }
    const input = { signedOn: '2024-09-01', specialty: 'medecine-generale', option: 'half-time', patientele: new Patientele() };
    expect((outcome(patientTargets as (i: unknown) => unknown, input) as RulesError).issues[0]?.path).toEqual(['patientele']);
    expect((outcome(aidSchedule as (i: unknown) => unknown, { ...valid, signedOn: new Date() }) as RulesError).issues[0]?.path).toEqual([
      'signedOn',
    ]);
  });

  it('turns a throwing getter and a revoked proxy into a RulesError with the path, never a foreign error', () => {
    const getter = {
      ...valid,
      get tier(): string {
        throw new TypeError('no');
      },
    };
    expect((outcome(aidSchedule as (i: unknown) => unknown, getter) as RulesError).issues[0]).toEqual({
      path: ['tier'],
      message: 'could not be read (no)',
    });
    const { proxy, revoke } = Proxy.revocable({ ...valid }, {});
    revoke();
    expect(outcome(aidSchedule as (i: unknown) => unknown, proxy)).toBeInstanceOf(RulesError);
    expect(outcome(aidSchedule as (i: unknown) => unknown, { ...valid, patientele: proxy })).toBeInstanceOf(RulesError);
    const trap = new Proxy(
      { ...valid },
      {
        ownKeys: () => {
          throw new Error('trap');
        },
      },
    );
    expect((outcome(aidSchedule as (i: unknown) => unknown, trap) as RulesError).message).toContain('could not be read (trap)');
  });

  it('reads a plain object of another realm (a spreadsheet host, a vm context) like its own', () => {
    const foreign = runInNewContext("({ signedOn: '2024-09-01', option: 'half-time', tier: 'standard' })") as unknown;
    expect((aidSchedule(foreign as never) as { total: string }).total).toBe('66000.00'); // convention 2024: 19 000 + 14 000 + 3 × 11 000
  });
});

describe('own data only: the rarer shapes', () => {
  it('ignores symbol keys, names a thrown non-error, and refuses a structure deeper than any input', () => {
    const input = { signedOn: '2024-09-01', option: 'half-time', tier: 'standard', [Symbol('x')]: 1 };
    expect(aidSchedule(input as never).total).toBe('66000.00');
    const thrower = {
      signedOn: '2024-09-01',
      get option(): string {
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- a caller's odd getter is what is under test
        throw 'odd';
      },
    };
    expect((outcome(aidSchedule as (i: unknown) => unknown, thrower) as RulesError).issues[0]).toEqual({
      path: ['option'],
      message: 'could not be read (odd)',
    });
    let deep: unknown = 1;
    for (let i = 0; i < 20; i += 1) deep = { a: deep };
    expect((outcome(aidSchedule as (i: unknown) => unknown, { signedOn: deep }) as RulesError).message).toContain(
      'nested more than 16 levels deep',
    );
  });
});
