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

function compile(schema: z.ZodMiniType): Walker {
  const def = schema._zod.def as unknown as Def;
  // A choice among values (an enum, a literal) without checks of its own is a lookup, as zod's own parse.
  const values = (schema._zod as { values?: ReadonlySet<unknown> }).values;
  if ((def.type === 'enum' || def.type === 'literal') && values !== undefined && (def.checks?.length ?? 0) === 0)
    return (value) => (values.has(value) ? value : UNSURE);
  if (def.type === 'optional' && def.innerType !== undefined) {
    const inner = walker(def.innerType);
    return (value) => (value === undefined ? UNSURE : inner(value));
  }
  if (def.type === 'array' && def.element !== undefined) {
    const element = walker(def.element);
    return checked(def.checks ?? [], (value) => {
      if (!Array.isArray(value)) return UNSURE;
      const list = value as unknown[];
      const out: unknown[] = new Array<unknown>(list.length);
      for (let i = 0; i < list.length; i += 1) {
        const parsed = element(list[i]);
        if (parsed === UNSURE) return UNSURE;
        out[i] = parsed;
      }
      return out;
    });
  }
  // Only strict objects are walked: zod refuses their unknown keys.
  const strict = def.catchall !== undefined && (def.catchall._zod.def as unknown as Def).type === 'never';
  if (def.type !== 'object' || def.shape === undefined || !strict) return leaf(schema);
  const shape = def.shape;
  const fields = Object.keys(shape).map((key) => {
    const field = shape[key] as z.ZodMiniType;
    return { key, walk: walker(field), optional: field._zod.optin === 'optional' && field._zod.optout === 'optional' };
  });
  const known = new Set(fields.map((f) => f.key));
  return checked(def.checks ?? [], (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNSURE;
    // Own data of a plain object only (see readInput): its prototype a root one, every own key an enumerable string.
    const proto = Object.getPrototypeOf(value) as object | null;
    if (proto !== null && Object.getPrototypeOf(proto) !== null) return UNSURE;
    const keys = Object.keys(value);
    if (keys.length !== Reflect.ownKeys(value).length) return UNSURE;
    for (const key of keys) if (!known.has(key)) return UNSURE;
    const input = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const { key, walk, optional } of fields) {
      if (!Object.hasOwn(input, key)) {
        if (optional) continue;
        return UNSURE;
      }
      const parsed = walk(input[key]);
      if (parsed === UNSURE) return UNSURE;
      out[key] = parsed;
    }
    return out;
  });
}

/** The walker of `schema`, compiled on first use. */
function walker(schema: z.ZodMiniType): Walker {
  let found = walkers.get(schema);
  if (found === undefined) {
    found = compile(schema);
    walkers.set(schema, found);
  }
  return found;
}

/** `schema`'s output for a valid `input` (the caller's own value), or UNSURE. @internal */
export function fastParse(schema: z.ZodMiniType, input: unknown): unknown {
  try {
    return walker(schema)(input);
  } catch {
    return UNSURE; // a throwing accessor, a revoked proxy: the slow path names it
  }
}
