import fc from 'fast-check';
import { fcParams } from '../../test/arbitraries.js';
import { beforeEach, describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { outputCases } from '../../test/outputs.js';
import { compareSchema } from '../compare/compareContracts.js';
import { schema as eligibilitySchema } from '../eligibility/checkEligibility.js';
import { collectiveSchema as collectiveEligibilitySchema } from '../eligibility/collective.js';
import { ledgerYearsSchema } from '../ledger/contractLedger.js';
import { schema as scheduleSchema } from '../schedule/aidSchedule.js';
import { collectiveScheduleSchema } from '../schedule/collective.js';
import { collectiveSettleSchema } from '../settlement/collective.js';
import { schema as settleSchema } from '../settlement/settleYear.js';
import { collectiveTargetsSchema } from '../targets/collective.js';
import { schema as targetsSchema } from '../targets/patientTargets.js';
import { fastParse, forgetWalkers, UNSURE } from './fastparse.js';
import { readInput } from './input.js';

const SCHEMAS: readonly z.ZodMiniType[] = [
  eligibilitySchema,
  collectiveEligibilitySchema,
  targetsSchema,
  collectiveTargetsSchema,
  scheduleSchema,
  collectiveScheduleSchema,
  settleSchema,
  collectiveSettleSchema,
  ledgerYearsSchema,
  compareSchema,
];

/** What zod gives, written out with its keys in order (undefined values kept as such). */
const written = (value: unknown) => JSON.stringify(value, (_, v: unknown) => (v === undefined ? '<undefined>' : v));

/** The fast path either steps aside or gives, to the key order, what zod gives. */
function agrees(schema: z.ZodMiniType, input: unknown): 'fast' | 'zod' {
  const fast = fastParse(schema, input);
  const zod = schema.safeParse(readInput(input));
  if (fast === UNSURE) return 'zod';
  expect(zod.success, `zod refuses what the fast path accepted: ${written(input)}`).toBe(true);
  expect(written(fast)).toBe(written(zod.data));
  return 'fast';
}

describe('the fast path of input validation', () => {
  // Each test compiles the walkers it uses (none is left from another test).
  beforeEach(forgetWalkers);

  it('gives what zod gives on every input of the pinned cases, under every schema, and accepts the valid ones itself', () => {
    const seen = { fast: 0, zod: 0 };
    for (const c of outputCases()) for (const schema of SCHEMAS) seen[agrees(schema, c.input)] += 1;
    // Each case's input is valid for at most one or two of the schemas; the fast path must take a good share.
    expect(seen.fast).toBeGreaterThan(400);
    expect(seen.zod).toBeGreaterThan(4000);
  });

  it('takes every valid input itself: objects, lists and their own checks', () => {
    let taken = 0;
    for (const c of outputCases())
      for (const schema of SCHEMAS) {
        if (!schema.safeParse(readInput(c.input)).success) continue;
        expect(agrees(schema, c.input), c.id).toBe('fast');
        taken += 1;
      }
    expect(taken).toBeGreaterThan(500);
  });

  it('gives what zod gives on inputs changed field by field: any value in any field, unknown and missing fields (property)', () => {
    const cases = outputCases();
    const anything = fc.oneof(fc.anything(), fc.constantFrom(undefined, null, '', '2023-02-30', -1, 0.5, 1e21, 'half-time', '10500.00'));
    fc.assert(
      fc.property(fc.nat(cases.length - 1), fc.nat(SCHEMAS.length - 1), fc.string(), anything, fc.boolean(), (i, s, key, value, drop) => {
        const base = cases[i]?.input as Record<string, unknown>;
        const keys = Object.keys(base);
        const field = keys.length > 0 && key.length % 2 === 0 ? (keys[key.length % keys.length] ?? key) : key;
        const input = drop
          ? Object.fromEntries(Object.entries(base).filter(([k]) => k !== field))
          : Object.fromEntries([...Object.entries(base), [field, value]]);
        agrees(SCHEMAS[s] as z.ZodMiniType, input);
      }),
      fcParams,
    );
  });

  it('steps aside for what is not own plain data, so that the copy names it as before', () => {
    const valid = { signedOn: '2023-09-01', option: 'half-time', tier: 'standard' };
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    class Input {
      signedOn = '2023-09-01';
      option = 'half-time';
    }
    const hidden = { ...valid };
    Object.defineProperty(hidden, 'years', { value: 3, enumerable: false });
    const hostile: unknown[] = [
      Object.assign(Object.create(valid) as object, {}), // inherited fields
      new Input(),
      hidden,
      { ...valid, [Symbol('x')]: 1 },
      JSON.parse('{"signedOn":"2023-09-01","option":"half-time","__proto__":{"tier":"standard"}}'),
      revoked.proxy,
      { ...valid, patientele: revoked.proxy },
      {
        ...valid,
        get tier() {
          throw new Error('no');
        },
      },
      { ...valid, patientele: new Input() },
    ];
    for (const input of hostile) expect(fastParse(scheduleSchema, input)).toBe(UNSURE);
    // An accessor that answers is read like a field, as the copy reads it.
    const getter = {
      ...valid,
      get years() {
        return 4;
      },
    };
    expect(agrees(scheduleSchema, getter)).toBe('fast');
    expect(agrees(scheduleSchema, Object.assign(Object.create(null) as object, valid))).toBe('fast');
  });
});
