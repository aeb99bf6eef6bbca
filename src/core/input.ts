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

/** Sets a field of a copy; a key named "__proto__" is kept as data, never as a prototype (the schemas refuse it as unknown). */
function put(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

/**
 * The copy, walking with one shared path. A foreign error raised while reading (a throwing
 * accessor, a revoked proxy) is caught once, around the whole walk, and reported at the path
 * being read when it was raised.
 */
class Reader {
  readonly path: (string | number)[] = [];

  copy(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (this.path.length > MAX_DEPTH)
      fail(
        'INVALID_INPUT',
        [...this.path],
        `nested more than ${String(MAX_DEPTH)} levels deep: not an input of this library`,
        `imbriqué sur plus de ${String(MAX_DEPTH)} niveaux : ce n'est pas une donnée de cette bibliothèque`,
      );
    if (!isPlain(value))
      fail(
        'INVALID_INPUT',
        [...this.path],
        'expected a plain object or array of own properties (not a class instance, nor an object inheriting fields)',
        'objet simple ou liste de propriétés propres attendu (ni instance de classe, ni objet qui hérite de champs)',
      );
    const path = this.path;
    if (Array.isArray(value)) {
      const list = value as unknown[];
      const length = list.length;
      const out: unknown[] = new Array<unknown>(length);
      for (let i = 0; i < length; i += 1) {
        path.push(i);
        out[i] = this.copy(list[i]);
        path.pop();
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    const keys = Object.keys(value);
    if (keys.length === Reflect.ownKeys(value).length) {
      // Every own key is an enumerable string: read each as it is (an accessor runs once, as below).
      const record = value as Record<string, unknown>;
      for (const key of keys) {
        path.push(key);
        put(out, key, this.copy(record[key]));
        path.pop();
      }
      return out;
    }
    for (const key of Reflect.ownKeys(value)) {
      if (typeof key !== 'string') continue;
      path.push(key);
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      if (descriptor?.enumerable !== true)
        fail(
          'INVALID_INPUT',
          [...path],
          'a field must be an own enumerable property',
          'un champ doit être une propriété propre et énumérable',
        );
      const field: unknown = 'value' in descriptor ? descriptor.value : descriptor.get?.call(value);
      put(out, key, this.copy(field));
      path.pop();
    }
    return out;
  }
}

/** A copy of `input` holding only its own enumerable data, or a `RulesError` saying which path cannot be read. @internal */
export function readInput(input: unknown): unknown {
  const reader = new Reader();
  try {
    return reader.copy(input);
  } catch (e) {
    if (e instanceof RulesError) throw e;
    const why = e instanceof Error ? e.message : String(e);
    return fail('INVALID_INPUT', [...reader.path], `could not be read (${why})`, `illisible (${why})`);
  }
}
