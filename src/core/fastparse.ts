/**
 * A fast path in front of zod for inputs that are valid: each object schema is compiled once
 * into a walker that checks an input's keys and builds the parsed object itself, and leaves
 * every value to the field's own zod schema. Whenever the walker is not sure (an unknown key, a
 * missing field, a value a field refuses, a schema it does not walk), it gives up and the input
 * goes through zod as before, so errors and their messages are zod's; when it succeeds, its
 * output is what zod gives: the fields in the schema's order, each parsed by its own schema.
 * @internal
 */
import type * as z from 'zod/mini';

/** The walker's answer when it cannot vouch for an input: zod decides. */
export const UNSURE: unique symbol = Symbol('unsure');

type Walker = (value: unknown) => unknown;

interface Def {
  readonly type: string;
  readonly shape?: Readonly<Record<string, z.ZodMiniType>>;
  readonly catchall?: z.ZodMiniType;
  readonly checks?: readonly unknown[];
  readonly innerType?: z.ZodMiniType;
}

const CONTEXT = { async: false } as const;
const walkers = new WeakMap<z.ZodMiniType, Walker>();

/** The field's own schema, run as zod runs it inside an object: its parsed value, or UNSURE. */
function leaf(schema: z.ZodMiniType): Walker {
  const run = schema._zod.run.bind(schema._zod);
  return (value) => {
    const result = run({ value, issues: [] }, CONTEXT);
    return result instanceof Promise || result.issues.length > 0 ? UNSURE : result.value;
  };
}

function compile(schema: z.ZodMiniType): Walker {
  const def = schema._zod.def as unknown as Def;
  if (def.type === 'optional' && def.innerType !== undefined) {
    const inner = walker(def.innerType);
    return (value) => (value === undefined ? UNSURE : inner(value));
  }
  // Only strict objects without checks of their own are walked: zod refuses their unknown keys.
  const strict = def.catchall !== undefined && (def.catchall._zod.def as unknown as Def).type === 'never';
  if (def.type !== 'object' || def.shape === undefined || !strict || (def.checks?.length ?? 0) > 0) return leaf(schema);
  const shape = def.shape;
  const fields = Object.keys(shape).map((key) => {
    const field = shape[key] as z.ZodMiniType;
    return { key, walk: walker(field), optional: field._zod.optin === 'optional' && field._zod.optout === 'optional' };
  });
  const known = new Set(fields.map((f) => f.key));
  return (value) => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return UNSURE;
    const input = value as Record<string, unknown>;
    for (const key of Object.keys(input)) if (!known.has(key)) return UNSURE;
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
  };
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

/** `schema`'s output for a valid `input` (a copy of own data, see `readInput`), or UNSURE. @internal */
export function fastParse(schema: z.ZodMiniType, input: unknown): unknown {
  return walker(schema)(input);
}
