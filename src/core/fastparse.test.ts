import fc from 'fast-check';
import { fcParams } from '../../test/arbitraries.js';
import { beforeEach, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
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
import { fastParse, forgetWalkers, planOf, UNSURE, type Plan } from './fastparse.js';
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
    // A symbol key is left out, as the copy leaves it out (its accessor is never run).
    const symbols = {
      ...valid,
      [Symbol('x')]: 1,
      get [Symbol('y')]() {
        throw new Error('never read');
      },
    };
    expect(agrees(scheduleSchema, symbols)).toBe('fast');
    expect(fastParse(scheduleSchema, symbols)).toEqual(valid);
    expect(agrees(scheduleSchema, Object.assign(Object.create(null) as object, valid))).toBe('fast');
  });

  it('runs the own checks of objects and lists as zod does, and skips a check whose condition says so', () => {
    const positive = z.strictObject({ a: z.number() }).check(z.refine((v) => v.a > 0));
    expect(fastParse(positive, { a: 1 })).toEqual({ a: 1 });
    expect(fastParse(positive, { a: -1 })).toBe(UNSURE);
    const nonEmpty = z.array(z.string()).check(z.minLength(1));
    expect(fastParse(nonEmpty, ['x'])).toEqual(['x']);
    expect(fastParse(nonEmpty, [])).toBe(UNSURE);
    const skipped = z.strictObject({ a: z.number() }).check(z.refine((v) => v.a > 0, { when: () => false }));
    expect(agrees(skipped, { a: -1 })).toBe('fast');
    expect(fastParse(skipped, { a: -1 })).toEqual({ a: -1 });
  });

  it("walks a strict object of 31 fields, in the schema's order whatever the input's, and leaves one of 32 to zod", () => {
    const shape = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${String(i)}`, z.optional(z.number())]));
    const wide = z.strictObject(shape(31));
    expect(planOf(wide).kind).toBe('object');
    expect(planOf(z.strictObject(shape(32))).kind).toBe('leaf');
    const reversed = Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`f${String(30 - i)}`, i]));
    expect(agrees(wide, reversed)).toBe('fast');
    expect(Object.keys(fastParse(wide, reversed) as object)).toEqual(Object.keys(shape(31)));
    expect(agrees(wide, { f30: 1, f0: 2 })).toBe('fast');
    // A required field missing, or given as undefined, is left to zod.
    const required = z.strictObject({ a: z.number(), b: z.optional(z.number()), c: z.number() });
    expect(fastParse(required, { a: 1, b: 2 })).toBe(UNSURE);
    expect(fastParse(required, { a: 1, c: undefined })).toBe(UNSURE);
    expect(fastParse(required, { c: 1, a: 2 })).toEqual({ a: 2, c: 1 });
  });

  it('leaves to zod an object where a leaf is expected, and a non-strict object', () => {
    expect(fastParse(z.object({ a: z.string() }), { a: 'x' })).toBe(UNSURE);
    expect(fastParse(z.strictObject({ a: z.string() }), { a: 'x' })).toEqual({ a: 'x' });
    expect(fastParse(z.strictObject({ a: z.string() }), { a: { toString: () => 'x' } })).toBe(UNSURE);
    for (const notAnObject of ['x', 1, true, null, undefined, [], () => 1]) expect(fastParse(z.strictObject({}), notAnObject)).toBe(UNSURE);
  });
});

/** A plan written out: lookups with their values, leaves, optional fields marked "?", lists and objects with their checks counted. */
function sketch(plan: Plan): unknown {
  switch (plan.kind) {
    case 'test':
      return 'test';
    case 'set':
      return `set(${[...plan.values].map(String).join('|')})`;
    case 'leaf':
      return 'leaf';
    case 'optional':
      return { optional: sketch(plan.inner) };
    case 'array':
      return { array: sketch(plan.element), checks: plan.checks.length };
    case 'object':
      return {
        object: Object.fromEntries(plan.fields.map((f) => [f.optional ? `${f.key}?` : f.key, sketch(f.plan)])),
        checks: plan.checks.length,
      };
  }
}

describe('what the fast path compiles', () => {
  it('walks every input schema as strict objects, lists, lookups among values and leaves (the plan of each, snapshotted)', () => {
    const plans = SCHEMAS.map((schema) => sketch(planOf(schema)));
    expect(plans).toMatchSnapshot();
    // Every input schema is walked field by field, never left whole to zod: the ledger's years are a list of objects.
    expect(SCHEMAS.map((schema) => planOf(schema).kind)).toEqual([...Array<string>(8).fill('object'), 'array', 'object']);
  });

  it('walks as leaves what it does not take apart: a nullable value, a loose object, an enum with checks', () => {
    expect(sketch(planOf(z.nullable(z.string())))).toBe('leaf');
    expect(sketch(planOf(z.looseObject({ a: z.string() })))).toBe('leaf');
    expect(sketch(planOf(z.enum(['a', 'b']).check(z.refine(() => true))))).toBe('leaf');
    // A null at a leaf is the leaf's to judge: a nullable field takes it on the fast path.
    expect(fastParse(z.strictObject({ a: z.nullable(z.string()) }), { a: null })).toEqual({ a: null });
  });

  it('reads a field as optional only when both its input and its output are (a pipe that fills a missing value is left to zod)', () => {
    const filled = z.strictObject({
      a: z.pipe(
        z.optional(z.string()),
        z.transform((v) => v ?? 'none'),
      ),
    });
    expect(planOf(filled)).toMatchObject({ kind: 'object', fields: [{ key: 'a', optional: false }] });
    expect(fastParse(filled, {})).toBe(UNSURE);
    expect(filled.parse({})).toEqual({ a: 'none' });
  });

  it('compiles enums and literals as lookups, unless they carry checks, and optional fields as optional', () => {
    expect(sketch(planOf(z.enum(['a', 'b'])))).toBe('set(a|b)');
    expect(sketch(planOf(z.literal('x')))).toBe('set(x)');
    expect(sketch(planOf(z.string()))).toBe('leaf');
    expect(sketch(planOf(z.object({ a: z.string() })))).toBe('leaf');
    expect(sketch(planOf(z.strictObject({ a: z.optional(z.enum(['a'])), b: z.array(z.string()) })))).toEqual({
      object: { 'a?': { optional: 'set(a)' }, b: { array: 'leaf', checks: 0 } },
      checks: 0,
    });
  });
});
