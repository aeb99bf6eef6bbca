/**
 * The dotted paths of the leaves of an input schema (`targets.fileActive.start`), for adapters
 * that read flat tables (CSV columns) and must refuse a column the input does not have.
 * @internal
 */
import type * as z from 'zod/mini';

interface Def {
  readonly shape?: Readonly<Record<string, z.ZodMiniType>>;
  readonly innerType?: z.ZodMiniType;
  readonly in?: z.ZodMiniType;
  readonly options?: readonly z.ZodMiniType[];
}

function defOf(schema: z.ZodMiniType): Def {
  return (schema as unknown as { readonly _zod: { readonly def: Def } })._zod.def;
}

/** Every leaf path of `schema` (objects are walked, optional and piped values unwrapped, unions merged). @internal */
export function fieldPaths(schema: z.ZodMiniType, prefix = ''): string[] {
  const def = defOf(schema);
  // Each kind of schema is told by what it holds: a wrapper (optional, nullable) its inner type, a
  // pipe what goes in, a union its options, an object its shape.
  if (def.innerType) return fieldPaths(def.innerType, prefix);
  if (def.in) return fieldPaths(def.in, prefix);
  if (def.options) return [...new Set(def.options.flatMap((o) => fieldPaths(o, prefix)))];
  if (def.shape) return Object.entries(def.shape).flatMap(([key, child]) => fieldPaths(child, prefix === '' ? key : `${prefix}.${key}`));
  return prefix === '' ? [] : [prefix];
}
