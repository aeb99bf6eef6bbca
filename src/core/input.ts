/**
 * The library reads only what a caller owns: a copy of the own enumerable properties of plain
 * objects and arrays. An inherited field, a non-enumerable one, an accessor that throws, a
 * revoked proxy, a class instance or a structure nested deeper than any input: each is a
 * `RulesError` naming the path, never a foreign error and never a silently read value.
 * @internal
 */
import { fail } from './errors.js';

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

/** The copy, walking with one shared path (copied only to report a problem). */
class Reader {
  private readonly path: (string | number)[] = [];

  /** Runs `read`; a foreign error (a throwing accessor, a revoked proxy) becomes a `RulesError` at the current path. */
  private guarded<T>(read: () => T): T {
    try {
      return read();
    } catch (e) {
      return fail(
        'INVALID_INPUT',
        [...this.path],
        `could not be read (${e instanceof Error ? e.message : String(e)})`,
        `illisible (${e instanceof Error ? e.message : String(e)})`,
      );
    }
  }

  private child(key: string | number, value: unknown): unknown {
    this.path.push(key);
    const copied = this.copy(value);
    this.path.pop();
    return copied;
  }

  copy(value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    if (this.path.length > MAX_DEPTH)
      fail(
        'INVALID_INPUT',
        [...this.path],
        `nested more than ${String(MAX_DEPTH)} levels deep: not an input of this library`,
        `imbriqué sur plus de ${String(MAX_DEPTH)} niveaux : ce n'est pas une donnée de cette bibliothèque`,
      );
    if (!this.guarded(() => isPlain(value)))
      fail(
        'INVALID_INPUT',
        [...this.path],
        'expected a plain object or array of own properties (not a class instance, nor an object inheriting fields)',
        'objet simple ou liste de propriétés propres attendu (ni instance de classe, ni objet qui hérite de champs)',
      );
    if (this.guarded(() => Array.isArray(value))) {
      const list = value as unknown[];
      const length = this.guarded(() => list.length);
      const out: unknown[] = new Array<unknown>(length);
      for (let i = 0; i < length; i += 1) {
        this.path.push(i);
        const item = this.guarded(() => list[i]);
        this.path.pop();
        out[i] = this.child(i, item);
      }
      return out;
    }
    const out: Record<string, unknown> = {};
    for (const key of this.guarded(() => Reflect.ownKeys(value))) {
      if (typeof key !== 'string') continue;
      this.path.push(key);
      const descriptor = this.guarded(() => Object.getOwnPropertyDescriptor(value, key));
      if (descriptor?.enumerable !== true)
        fail(
          'INVALID_INPUT',
          [...this.path],
          'a field must be an own enumerable property',
          'un champ doit être une propriété propre et énumérable',
        );
      const field: unknown = 'value' in descriptor ? descriptor.value : this.guarded((): unknown => descriptor.get?.call(value));
      this.path.pop();
      // A key named "__proto__" is kept as data, never as a prototype: the schemas refuse it as unknown.
      if (key === '__proto__')
        Object.defineProperty(out, key, { value: this.child(key, field), enumerable: true, writable: true, configurable: true });
      else out[key] = this.child(key, field);
    }
    return out;
  }
}

/** A copy of `input` holding only its own enumerable data, or a `RulesError` saying which path cannot be read. @internal */
export function readInput(input: unknown): unknown {
  return new Reader().copy(input);
}
