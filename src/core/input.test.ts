import { describe, expect, it } from 'vitest';
import { issuesInBothLanguages } from '../../test/helpers.js';
import { readInput } from './input.js';

/** The error `read` raises, in English and in French: code, path and message of its one issue. */
function refusal(read: () => unknown): { code: string; path: readonly (string | number)[]; en: string; fr: string } {
  const { code, issues } = issuesInBothLanguages(read);
  expect(issues).toHaveLength(1);
  const [issue] = issues;
  return { code, path: issue?.path ?? [], en: issue?.en ?? '', fr: issue?.fr ?? '' };
}

const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });

describe('the copy of an input: own data of plain objects only (README, "Errors")', () => {
  it('copies own enumerable data, lists to their length, and no symbol', () => {
    const symbol = Symbol('s');
    const input = { b: [1, { c: 'x' }], a: null, [symbol]: 1 };
    const copy = readInput(input) as Record<string | symbol, unknown>;
    expect(copy).toEqual({ b: [1, { c: 'x' }], a: null });
    expect(Object.keys(copy)).toEqual(['b', 'a']);
    expect(Object.getOwnPropertySymbols(copy)).toEqual([]);
    expect(copy.b).not.toBe(input.b);
    expect(readInput(Object.assign(Object.create(null) as object, { a: 1 }))).toEqual({ a: 1 });
  });

  it('keeps a key named __proto__ as data, never as a prototype (the schemas then refuse it as unknown)', () => {
    const plain = JSON.parse('{"__proto__":{"x":1},"y":2}') as Record<string | symbol, unknown>;
    const withSymbol = JSON.parse('{"__proto__":{"x":1},"y":2}') as Record<string | symbol, unknown>;
    withSymbol[Symbol('s')] = 1; // read field by field, through each property's descriptor
    for (const input of [plain, withSymbol]) {
      const copy = readInput(input) as object;
      expect(Object.getPrototypeOf(copy)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(copy, '__proto__')).toEqual({
        value: { x: 1 },
        enumerable: true,
        writable: true,
        configurable: true,
      });
      expect(Object.keys(copy)).toEqual(['__proto__', 'y']);
    }
  });

  it('reads an accessor once, as a field, and names one that throws', () => {
    let calls = 0;
    const copy = readInput({
      get a() {
        calls += 1;
        return 2;
      },
    });
    expect(copy).toEqual({ a: 2 });
    expect(calls).toBe(1);
    const throwing = {
      b: {
        get c(): number {
          throw new Error('no access');
        },
      },
    };
    expect(refusal(() => readInput(throwing))).toEqual({
      code: 'INVALID_INPUT',
      path: ['b', 'c'],
      en: 'could not be read (no access)',
      fr: 'illisible (no access)',
    });
  });

  it('refuses a field that is not enumerable, an inherited one, a class instance, with their paths', () => {
    const hidden = Object.defineProperty({ a: 1 }, 'b', { value: 2, enumerable: false });
    expect(refusal(() => readInput({ x: [0, hidden] }))).toEqual({
      code: 'INVALID_INPUT',
      path: ['x', 1, 'b'],
      en: 'a field must be an own enumerable property',
      fr: 'un champ doit être une propriété propre et énumérable',
    });
    class Input {
      a = 1;
    }
    const notPlain = {
      code: 'INVALID_INPUT',
      en: 'expected a plain object or array of own properties (not a class instance, nor an object inheriting fields)',
      fr: 'objet simple ou liste de propriétés propres attendu (ni instance de classe, ni objet qui hérite de champs)',
    };
    expect(refusal(() => readInput({ y: new Input() }))).toEqual({ ...notPlain, path: ['y'] });
    expect(refusal(() => readInput({ z: Object.create({ a: 1 }) as object }))).toEqual({ ...notPlain, path: ['z'] });
  });

  it('names a revoked proxy where it stands', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const seen = refusal(() => readInput({ a: { b: proxy } }));
    expect(seen.path).toEqual(['a', 'b']);
    expect(seen.en).toMatch(/^could not be read \(/);
  });

  it('reads sixteen levels of nesting, and refuses a seventeenth', () => {
    expect(readInput(nested(17))).toEqual(nested(17)); // sixteen levels of paths below the root
    const deep = refusal(() => readInput(nested(18)));
    expect(deep).toEqual({
      code: 'INVALID_INPUT',
      path: Array.from({ length: 17 }, () => 'a'),
      en: 'nested more than 16 levels deep: not an input of this library',
      fr: "imbriqué sur plus de 16 niveaux : ce n'est pas une donnée de cette bibliothèque",
    });
  });
});
