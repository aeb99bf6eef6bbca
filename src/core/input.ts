/**
 * The library reads only what a caller owns: a copy of the own enumerable properties of plain
 * objects and arrays. An inherited field, a non-enumerable one, an accessor that throws, a
 * revoked proxy, a class instance or a structure nested deeper than any input: each is a
 * `RulesError` naming the path, never a foreign error and never a silently read value.
 * @internal
 */
import { RulesError, fail } from './errors.js';

/** Deeper than any input of the library (the deepest has five levels). */
const MAX_DEPTH = 16;

/**
 * A plain object (its prototype is null or a root object: `Object.prototype` of this realm or
 * of another, as a spreadsheet host or a `node:vm` context hands over) or an array.
 */
function isPlain(value: object): boolean {
  if (Array.isArray(value)) return true;
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Runs `read`; a foreign error (a throwing accessor, a revoked proxy) becomes a `RulesError` at `path`. */
function guarded<T>(path: (string | number)[], read: () => T): T {
  try {
    return read();
  } catch (e) {
    if (e instanceof RulesError) throw e;
    return fail('INVALID_INPUT', path, `could not be read (${e instanceof Error ? e.message : String(e)})`);
  }
}

function copy(value: unknown, path: (string | number)[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (path.length > MAX_DEPTH)
    fail('INVALID_INPUT', path, `nested more than ${String(MAX_DEPTH)} levels deep: not an input of this library`);
  if (!guarded(path, () => isPlain(value)))
    fail(
      'INVALID_INPUT',
      path,
      'expected a plain object or array of own properties (not a class instance, nor an object inheriting fields)',
    );
  if (guarded(path, () => Array.isArray(value))) {
    const list = value as unknown[];
    const length = guarded(path, () => list.length);
    return Array.from({ length }, (_, i) =>
      copy(
        guarded([...path, i], () => list[i]),
        [...path, i],
      ),
    );
  }
  const out: Record<string, unknown> = {};
  for (const key of guarded(path, () => Reflect.ownKeys(value))) {
    if (typeof key !== 'string') continue;
    const descriptor = guarded([...path, key], () => Object.getOwnPropertyDescriptor(value, key));
    if (descriptor === undefined) continue;
    if (descriptor.enumerable !== true) fail('INVALID_INPUT', [...path, key], 'a field must be an own enumerable property');
    const field: unknown = 'value' in descriptor ? descriptor.value : guarded([...path, key], (): unknown => descriptor.get?.call(value));
    // A key named "__proto__" is kept as data, never as a prototype: the schemas refuse it as unknown.
    Object.defineProperty(out, key, { value: copy(field, [...path, key]), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** A copy of `input` holding only its own enumerable data, or a `RulesError` saying which path cannot be read. @internal */
export function readInput(input: unknown): unknown {
  return copy(input, []);
}
