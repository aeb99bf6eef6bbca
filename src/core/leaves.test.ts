// The fast path's own tests of leaf values, at every edge of each leaf, and the shortcuts that
// keep a result cheap to build: each checked value by value, not sampled.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fcParams } from '../../test/arbitraries.js';
import * as library from '../index.js';
import { dateProblem } from './dates.js';
import { deepFreeze } from './freeze.js';
import { planOf } from './fastparse.js';
import { contractYear, flag, isoDate, patientCount, percentileValue, share, yearCount } from './schemas.js';

const LEAVES = { isoDate, patientCount, contractYear, yearCount, percentileValue, share, flag };
const EDGES: readonly unknown[] = [
  ...['2023-05-01', '2024-02-29', '2023-02-29', '2000-01-01', '1999-12-31', '2199-12-31', '2200-01-01', '2023-00-10', '2023-13-01'],
  ...['2023-04-31', '2023-05-00', '2023-05-1a', '2023/05/01', '2023+05+01', '2023001001', '2023-05-011', '2023-05-0', '2023-5-01'],
  ...['２０２３-05-01', '2023-05-01\n', ' 2023-05-01', '', 'abc'],
  ...[0, -0, 1, 50, 51, 0.5, 1480.5, 1_000_000, 1_000_001, -1, 1e21, NaN, Infinity, -Infinity, true, false, null, undefined, '1', 1n],
];

describe("the fast path's tests of leaf values", () => {
  it('take a value exactly when zod takes it and gives it back as it is, at every edge of every leaf', () => {
    let taken = 0;
    for (const [name, schema] of Object.entries(LEAVES)) {
      const plan = planOf(schema);
      if (plan.kind !== 'test') throw new Error(`${name}: a leaf of the library without its test`);
      for (const value of EDGES) {
        const zod = schema.safeParse(value);
        const takes = zod.success && Object.is(zod.data, value);
        expect(plan.accepts(value), `${name} ${String(value)}`).toBe(takes);
        if (takes) taken += 1;
      }
    }
    expect(taken).toBeGreaterThan(20);
  });

  it('take any other value only when zod takes it and gives it back as it is (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(LEAVES)), fc.oneof(fc.anything(), fc.double(), fc.integer()), (schema, value) => {
        const plan = planOf(schema);
        if (plan.kind !== 'test' || !plan.accepts(value)) return;
        const zod = schema.safeParse(value);
        expect(zod.success, `zod refuses ${String(value)}`).toBe(true);
        expect(Object.is(zod.data, value)).toBe(true);
      }),
      fcParams,
    );
  });

  it('read a date only when it is written YYYY-MM-DD in ASCII digits (the format message otherwise)', () => {
    const format = 'expected a calendar date written YYYY-MM-DD';
    for (const written of [
      '2023/05/01',
      '2023+05+01',
      '2023001001',
      '2023-05-011',
      '2023-05-0',
      '2023-5-01',
      '2023-05-1a',
      '２０２３-05-01',
      'abc',
      '',
    ])
      expect(dateProblem(written)?.en, written).toBe(format);
    expect(dateProblem('2023-05-01')).toBeUndefined();
    expect(dateProblem('2023-13-01')?.en).toBe('month must be between 01 and 12');
  });
});

describe('what keeps a result cheap to build', () => {
  it('gives every result without warnings or trace the one shared empty list, frozen', () => {
    const rows = [
      { signedOn: '2023-09-01', option: 'half-time', tier: 'standard' },
      { signedOn: '2024-09-01', option: 'full-time', tier: 'p95-plus' },
    ] as const;
    const [a, b] = [...library.aidScheduleMany(rows)].map((o) => (o.ok ? o.result : undefined));
    expect(a?.warnings).toEqual([]);
    expect(a?.trace).toEqual([]);
    expect(a?.warnings).toBe(b?.warnings);
    expect(a?.trace).toBe(b?.trace);
    expect(a?.trace).toBe(a?.warnings);
    expect(Object.isFrozen(a?.trace)).toBe(true);
  });

  it('does not walk again a part frozen before: a frozen part may even hold a cycle', () => {
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    Object.freeze(cycle);
    const graph = { part: cycle, list: [{ x: 1 }] };
    expect(deepFreeze(graph)).toBe(graph);
    expect(Object.isFrozen(graph.list[0])).toBe(true);
  });
});
