/**
 * A fast path in front of zod for inputs that are valid: each object schema is compiled once
 * into a walker that reads the caller's own data directly (plain objects whose keys are all
 * enumerable strings), checks the keys and builds the parsed object itself, and leaves every
 * value to the field's own zod schema, then runs the object's or list's own checks. Whenever
 * the walker is not sure (an unknown key, a missing field, a value a field refuses, an object
 * where a value is expected, a schema it does not walk, anything that throws while reading), it
 * gives up and the input goes through the copy of its own data (`readInput`) and zod as before,
 * so errors and their messages are unchanged; when it succeeds, its output is what zod gives for
 * that copy: the fields in the schema's order, each parsed by its own schema.
 * @internal
 */
import type * as z from 'zod/mini';

/** The walker's answer when it cannot vouch for an input: zod decides. */
export const UNSURE: unique symbol = Symbol('unsure');

type Walker = (value: unknown) => unknown;

interface Check {
  readonly _zod: {
    readonly def: { readonly when?: (payload: Payload) => boolean };
    readonly check: (payload: Payload) => unknown;
  };
}

interface Payload {
  value: unknown;
  readonly issues: unknown[];
}

interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodMiniType>>;
  readonly catchall?: z.ZodMiniType;
  readonly checks?: readonly Check[];
  readonly innerType?: z.ZodMiniType;
  readonly element?: z.ZodMiniType;
}

/**
 * How a schema's walker reads a value, compiled from the schema once: a choice among values (a
 * lookup), a field's own schema (a leaf), an optional value, a list, or a strict object. Tests
 * read the plan of each input schema, as what the fast path takes is its whole point. @internal
 */
export type Plan =
  | { readonly kind: 'test'; readonly accepts: (value: unknown) => boolean }
  | { readonly kind: 'set'; readonly values: ReadonlySet<unknown> }
  | { readonly kind: 'leaf'; readonly schema: z.ZodMiniType }
  | { readonly kind: 'optional'; readonly inner: Plan }
  | { readonly kind: 'array'; readonly element: Plan; readonly checks: readonly Check[] }
  | {
      readonly kind: 'object';
      readonly fields: readonly { readonly key: string; readonly plan: Plan; readonly optional: boolean }[];
      readonly checks: readonly Check[];
    };

/** The tests of valid values given with {@link fastLeaf}, by schema. */
const tests = new WeakMap<z.ZodMiniType, (value: unknown) => boolean>();

/**
 * Gives the fast path a test of `schema`'s valid values, so that it does not run the schema:
 * `accepts(value)` must be true only of a value the schema takes and returns as it is (the tests
 * of the fast path check it on generated values), and a value it refuses is left to zod, which
 * names the problem. Returns `schema`. @internal
 */
export function fastLeaf<S extends z.ZodMiniType>(schema: S, accepts: (value: unknown) => boolean): S {
  tests.set(schema, accepts);
  return schema;
}

/** The most fields an object's walker takes: it marks each given field by a bit of a 32-bit integer, the sign bit spared. */
const MAX_FIELDS = 31;

/** The plan of `schema`'s walker. @internal */
export function planOf(schema: z.ZodMiniType): Plan {
  const accepts = tests.get(schema);
  if (accepts !== undefined) return { kind: 'test', accepts };
  const def = schema._zod.def as unknown as Def;
  const checks = def.checks ?? [];
  // A choice among values (an enum, a literal) without checks of its own is a lookup, as zod's own parse.
  const values = (schema._zod as { values?: ReadonlySet<unknown> }).values;
  if ((def.type === 'enum' || def.type === 'literal') && values !== undefined && checks.length === 0) return { kind: 'set', values };
  if (def.type === 'optional' && def.innerType !== undefined) return { kind: 'optional', inner: planOf(def.innerType) };
  if (def.element !== undefined) return { kind: 'array', element: planOf(def.element), checks }; // only lists have an element
  // Only strict objects are walked (zod refuses their unknown keys), of at most MAX_FIELDS fields.
  const strict = def.catchall !== undefined && (def.catchall._zod.def as unknown as Def).type === 'never';
  if (def.type !== 'object' || def.shape === undefined || !strict || Object.keys(def.shape).length > MAX_FIELDS)
    return { kind: 'leaf', schema };
  const shape = def.shape;
  const fields = Object.keys(shape).map((key) => {
    const field = shape[key] as z.ZodMiniType;
    return { key, plan: planOf(field), optional: field._zod.optin === 'optional' && field._zod.optout === 'optional' };
  });
  return { kind: 'object', fields, checks };
}

const CONTEXT = { async: false } as const;
let walkers = new WeakMap<z.ZodMiniType, Walker>();

/** Forgets the compiled walkers (tests compile them again, e.g. under each mutant of mutation testing). @internal */
export function forgetWalkers(): void {
  walkers = new WeakMap();
}

/**
 * The field's own schema, run as zod runs it inside an object: its parsed value, or UNSURE. An
 * object value is left to the slow path, which copies it first (the field's schema would read it
 * as it is).
 */
function leaf(schema: z.ZodMiniType): Walker {
  const run = schema._zod.run.bind(schema._zod);
  return (value) => {
    if (typeof value === 'object' && value !== null) return UNSURE;
    const result = run({ value, issues: [] }, CONTEXT);
    return result instanceof Promise || result.issues.length > 0 ? UNSURE : result.value;
  };
}

/** A schema's own checks (a refinement, a length) run on the value its walk built, as zod runs them: the value, or UNSURE. */
function checked(checks: readonly Check[], walk: Walker): Walker {
  if (checks.length === 0) return walk;
  return (value) => {
    const built = walk(value);
    if (built === UNSURE) return UNSURE;
    const payload: Payload = { value: built, issues: [] };
    for (const check of checks) {
      if (check._zod.def.when?.(payload) === false) continue;
      if (check._zod.check(payload) instanceof Promise || payload.issues.length > 0) return UNSURE;
    }
    return payload.value;
  };
}

/** The walker a plan describes. */
function build(plan: Plan): Walker {
  switch (plan.kind) {
    case 'test': {
      const { accepts } = plan;
      return (value) => (accepts(value) ? value : UNSURE);
    }
    case 'set': {
      const { values } = plan;
      return (value) => (values.has(value) ? value : UNSURE);
    }
    case 'leaf':
      return leaf(plan.schema);
    case 'optional': {
      // A key given with the value undefined: zod keeps it as such, which the slow path gives.
      const inner = build(plan.inner);
      return (value) => (value === undefined ? UNSURE : inner(value));
    }
    case 'array': {
      const element = build(plan.element);
      return checked(plan.checks, (value) => {
        if (!Array.isArray(value)) return UNSURE;
        const out: unknown[] = [];
        for (const item of value) {
          const parsed = element(item);
          if (parsed === UNSURE) return UNSURE;
          out.push(parsed);
        }
        return out;
      });
    }
    case 'object': {
      const fields = plan.fields.map((f) => ({ key: f.key, walk: build(f.plan) }));
      /** The position of each field in the schema, by key. */
      const positions = new Map(plan.fields.map((f, i) => [f.key, i]));
      /** The bits of the required fields: a given field sets its bit (position i, bit i). */
      const required = plan.fields.reduce((bits, f, i) => (f.optional ? bits : bits | (1 << i)), 0);
      return checked(plan.checks, (value) => {
        // Own data of a plain object only (see readInput): its prototype a root one (this realm's
        // first, the common case; a primitive's is not; null and undefined throw, which fastParse
        // turns into UNSURE), not a list, and every own string key enumerable. Symbol keys are left
        // out, as the copy leaves them.
        const proto = Object.getPrototypeOf(value) as object | null;
        if ((proto !== Object.prototype && proto !== null && Object.getPrototypeOf(proto) !== null) || Array.isArray(value)) return UNSURE;
        const input = value as Record<string, unknown>;
        const keys = Object.keys(input);
        if (keys.length !== Object.getOwnPropertyNames(input).length) return UNSURE;
        let given = 0;
        for (const key of keys) {
          const at = positions.get(key);
          if (at === undefined) return UNSURE;
          given |= 1 << at;
        }
        if ((given & required) !== required) return UNSURE;
        // The given fields in the schema's order, lowest bit first: only those are read.
        const out: Record<string, unknown> = {};
        for (let rest = given; rest !== 0; rest &= rest - 1) {
          const field = fields[31 - Math.clz32(rest & -rest)] as (typeof fields)[number];
          const parsed = field.walk(input[field.key]);
          if (parsed === UNSURE) return UNSURE;
          out[field.key] = parsed;
        }
        return out;
      });
    }
  }
}

/** The walker of `schema`, compiled on first use. */
function walker(schema: z.ZodMiniType): Walker {
  let found = walkers.get(schema);
  if (found === undefined) {
    found = build(planOf(schema));
    walkers.set(schema, found);
  }
  return found;
}

/** `schema`'s output for a valid `input` (the caller's own value), or UNSURE. @internal */
export function fastParse(schema: z.ZodMiniType, input: unknown): unknown {
  try {
    return walker(schema)(input);
  } catch {
    return UNSURE; // a throwing accessor, a revoked proxy, null or undefined where an object is expected: the slow path names it
  }
}
